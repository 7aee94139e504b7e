// Stands in for @smithy/core's date-utils (and the number parsers under them) in the script-tag bundle.
// The one caller the bundle keeps is the SDK's Retry-After reader, for a header in the HTTP-date form.
// This reads the form servers send (IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`) as strictly as the
// SDK does, and refuses the obsolete RFC 850 form as invalid, which the reader takes as "no hint" (the
// call then backs off as usual). Every other date-utils function is absent: nothing bundled calls one.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/;

const invalid = (value) => new TypeError(`Invalid RFC-7231 date-time value: ${value}`);

export const parseRfc7231DateTime = (value) => {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError('RFC-7231 date-times must be expressed as strings');
  const match = IMF_FIXDATE.exec(value);
  const month = match ? MONTHS.indexOf(match[2]) : -1;
  if (!match || month < 0) throw invalid(value);
  const [day, year, hours, minutes, seconds] = [match[1], match[3], match[4], match[5], match[6]].map(Number);
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth || hours > 23 || minutes > 59 || seconds > 60) throw invalid(value);
  const milliseconds = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, month, day, hours, minutes, seconds, milliseconds));
};

const notBundled = (name) => () => {
  throw new Error(`${name} is not part of this bundle`);
};
export const dateToUtcString = notBundled('dateToUtcString');
export const parseRfc3339DateTime = notBundled('parseRfc3339DateTime');
export const parseRfc3339DateTimeWithOffset = notBundled('parseRfc3339DateTimeWithOffset');
export const parseEpochTimestamp = notBundled('parseEpochTimestamp');
