// The `x-amz-user-agent` header, written as the AWS SDK's browser runtime writes it for the Participant
// client: the SDK's own sections (its version, the OS and browser read from `navigator`, the service),
// the features the call used (`m/…`), then the client's custom sections (`AmazonConnect-ChatJS/<version>`
// and the app's suffix). Browsers do not let a page set `user-agent` itself, so that one stays the browser's.
import { AWS_SDK_VERSION } from '../../version.js';

/** A section as the SDK takes it: a name (`os/Linux`, `md/browser`) and an optional value. */
export type UserAgentSection = readonly [name: string, value?: string];

interface NavigatorLike {
  userAgent?: string;
  userAgentData?: { platform?: string; brands?: ReadonlyArray<{ brand: string; version: string }> };
}

/** The OS as the SDK names it from a user-agent string, when `navigator.userAgentData` does not say. */
function osFromUserAgent(ua: string): string | undefined {
  if (/iPhone|iPad|iPod/.test(ua)) return 'iOS';
  if (/Macintosh|Mac OS X/.test(ua)) return 'macOS';
  if (/Windows NT/.test(ua)) return 'Windows';
  if (/Android/.test(ua)) return 'Android';
  return /Linux/.test(ua) ? 'Linux' : undefined;
}

/** The browser as the SDK names it from a user-agent string (Edge before Chrome: Edge's string has both). */
function browserFromUserAgent(ua: string): string | undefined {
  if (/EdgiOS|EdgA|Edg\//.test(ua)) return 'Microsoft Edge';
  if (/Firefox\//.test(ua)) return 'Firefox';
  if (/Chrome\//.test(ua)) return 'Chrome';
  return /Safari\//.test(ua) ? 'Safari' : undefined;
}

/** The SDK's own sections for this page. */
export function sdkSections(): UserAgentSection[] {
  const scope = globalThis as { window?: { navigator?: NavigatorLike } };
  const navigator = scope.window?.navigator;
  const ua = navigator?.userAgent ?? '';
  const brands = navigator?.userAgentData?.brands ?? [];
  const brand = brands[brands.length - 1];
  const os = navigator?.userAgentData?.platform ?? osFromUserAgent(ua) ?? 'other';
  const browser = `${brand?.brand ?? browserFromUserAgent(ua) ?? 'unknown'}_${brand?.version ?? 'unknown'}`;
  return [
    ['aws-sdk-js', AWS_SDK_VERSION],
    ['ua', '2.1'],
    [`os/${os}`],
    ['lang/js'],
    ['md/browser', browser],
    ['api/connectparticipant', AWS_SDK_VERSION],
  ];
}

const NAME_UNSAFE = /[^!$%&'*+\-.^_`|~\w]/g;
const VALUE_UNSAFE = /[^!$%&'*+\-.^_`|~\w#]/g;

/**
 * `[prefix/name, value]` as the SDK writes it: `prefix/name#value`, or `name/value` for a name without a
 * prefix (`AmazonConnect-ChatJS/100.0.0`), characters a header token cannot hold made `-`.
 */
export function formatSection([rawName, rawValue]: UserAgentSection): string {
  const name = rawName.split('/').map((part) => part.replace(NAME_UNSAFE, '-')).join('/');
  const slash = name.indexOf('/');
  const prefix = slash < 0 ? '' : name.slice(0, slash);
  const rest = name.slice(slash + 1);
  const parts = [prefix, prefix === 'api' ? rest.toLowerCase() : rest, rawValue?.replace(VALUE_UNSAFE, '-')].filter((part) => part);
  return parts.map((part, index) => (index === 0 ? part : index === 1 ? `/${part}` : `#${part}`)).join('');
}

/** The whole header: SDK sections, `m/<feature codes>`, then the client's own sections. */
export function userAgentHeader(featureCodes: readonly string[], custom: readonly UserAgentSection[]): string {
  return [...sdkSections().map(formatSection), `m/${featureCodes.join(',')}`, ...custom.map(formatSection)].join(' ');
}
