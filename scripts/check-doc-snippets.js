#!/usr/bin/env node
// Type-checks every ```ts / ```typescript snippet of README.md and docs/*.md against the built package
// (dist/index.d.ts, resolved by name), so the docs cannot drift from the API. Each snippet is its own
// module; errors are reported at the snippet's line in the Markdown file. Run after `npm run build`.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const workDir = path.join(root, 'test', '.doc-snippets');
const FENCE = /^```(ts|typescript)\s*$/;

function markdownFiles() {
  const docs = path.join(root, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs.readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => path.join(docs, name))
    : [];
  return [path.join(root, 'README.md'), ...inDocs].filter((file) => fs.existsSync(file));
}

/** Every TypeScript fence of a file: { file, line (1-based, first code line), code }. */
function extractSnippets(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!FENCE.test(lines[i].trim())) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end += 1;
    snippets.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return snippets;
}

function writeProgram(snippets) {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  // The global `connect` namespace comes with the package's types.
  fs.writeFileSync(path.join(workDir, '_globals.ts'), "import 'amazon-connect-chatjs';\nexport {};\n");
  const names = snippets.map((snippet, index) => {
    const name = `snippet-${String(index).padStart(3, '0')}.ts`;
    fs.writeFileSync(path.join(workDir, name), `${snippet.code}\nexport {};\n`);
    return name;
  });
  const tsconfig = {
    extends: '../types/tsconfig.json',
    // jest globals: the emulator guide shows a test file.
    compilerOptions: { noUnusedLocals: false, noUnusedParameters: false, allowUnreachableCode: true, types: ['node', 'jest'] },
    files: ['_globals.ts', ...names],
  };
  fs.writeFileSync(path.join(workDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return names;
}

function typeCheck() {
  try {
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join(workDir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
    return '';
  } catch (error) {
    return `${error.stdout || ''}${error.stderr || ''}`;
  }
}

/** Rewrites `test/.doc-snippets/snippet-007.ts(3,5): …` as `docs/x.md:41:5: …`. */
function mapErrors(output, snippets) {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = /snippet-(\d+)\.ts\((\d+),(\d+)\): (.*)$/.exec(line);
      if (!match) return line;
      const snippet = snippets[Number(match[1])];
      return `${path.relative(root, snippet.file)}:${snippet.line + Number(match[2]) - 1}:${match[3]}: ${match[4]}`;
    });
}

const snippets = markdownFiles().flatMap(extractSnippets);
writeProgram(snippets);
const errors = mapErrors(typeCheck(), snippets);
if (errors.length > 0) {
  console.error(`Documentation snippets that do not compile against the API:\n${errors.join('\n')}`);
  process.exit(1);
}
console.log(`docs: ${snippets.length} TypeScript snippets type-checked against dist/index.d.ts`);
