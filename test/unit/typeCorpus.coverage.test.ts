// The type corpus (test/types/upstream5, compiled by `npm run test:types` against both 5.0.0's declarations
// and ours) must use every name 5.0.0 declares on the global `connect` namespace; this keeps it honest.
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const upstreamDeclarations = fs.readFileSync(path.join(root, 'node_modules/upstream-chatjs/dist/index.d.ts'), 'utf8');
const corpusDir = path.join(root, 'test/types/upstream5');
const corpus = fs
  .readdirSync(corpusDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8'))
  .join('\n');

/** Names declared directly inside `declare namespace connect { ... }` (two-space indent). */
function declaredNames(source: string): string[] {
  const names = [...source.matchAll(/^ {2}(?:export )?(?:interface|type|const) ([A-Za-z]+)/gm)].map((match) => match[1] as string);
  return [...new Set(names)].sort();
}

describe('type corpus', () => {
  const names = declaredNames(upstreamDeclarations);

  it('finds 5.0.0’s global names (sanity check of the parser)', () => {
    expect(names.length).toBeGreaterThan(60);
    expect(names).toEqual(expect.arrayContaining(['ChatSession', 'ChatController', 'ChatEventData', 'AWSResponse', 'ViewContent', 'WebSocketManager']));
  });

  it('uses every one of them as connect.<Name>', () => {
    const unused = names.filter((name) => !new RegExp(`connect\\.${name}\\b`).test(corpus));
    expect(unused).toEqual([]);
  });
});
