// README.md ships inside the npm package, where docs/, examples/ and the images are not: its links must work
// from there too. So every link is a same-page anchor, a file the package contains, or an absolute URL; links
// into this repository (package.json `homepage`) must name a path that exists here.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage: string; files: string[] };
const repository = manifest.homepage.replace(/#.*$/, '');

/** Markdown link targets and <img src> values, code spans and fenced blocks left out. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  const images = [...prose.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
  return [...links, ...images];
}

it('links only to anchors, files in the package, or absolute URLs', () => {
  const relative = linkTargets(readme).filter((target) => !/^https?:\/\//.test(target) && !target.startsWith('#'));
  expect(relative.filter((target) => !manifest.files.includes(target.split('#')[0]))).toEqual([]);
});

it('names only paths that exist in the repository when it links into it', () => {
  const intoRepository = linkTargets(readme).filter((target) => target.startsWith(`${repository}/`));
  expect(intoRepository.length).toBeGreaterThan(10);
  const missing = intoRepository
    .map((target) => target.slice(repository.length + 1).replace(/#.*$/, '').replace(/^(blob|tree|raw)\/main\//, ''))
    .filter((file) => !fs.existsSync(path.join(ROOT, file)));
  expect(missing).toEqual([]);
});
