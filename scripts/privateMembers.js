// The names of our classes' private and protected members that the minifier may shorten in the script-tag
// bundle. A member name is shortened everywhere it appears as a property, so a name qualifies only when nothing
// observable can reach it under that name: it must never be a public member, an interface or type field, an
// object-literal key or destructured field, a string's text (bracket access, `in`, JSON), nor a word of the
// AWS SDK: the browser builds' own client passes objects of the SDK's shapes (config, requests, answers)
// between our modules, so names the SDK spells stay as it spells them. The browser's own names are kept by terser itself.
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');

/** Every `.ts` file under `dir`. */
function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** Every word of the `.js` files under `dir` (the AWS SDK's ES module builds). */
function wordsOfScripts(dir, words) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist-cjs' && entry.name !== 'dist-types') wordsOfScripts(file, words);
    } else if (entry.name.endsWith('.js')) {
      for (const word of fs.readFileSync(file, 'utf8').match(/[A-Za-z_$][\w$]*/g) || []) words.add(word);
    }
  }
}

const isHidden = (node) =>
  (ts.getCombinedModifierFlags(node) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;

const CLASS_MEMBER_KINDS = new Set([
  ts.SyntaxKind.PropertyDeclaration, ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor, ts.SyntaxKind.Parameter,
]);

/** Private/protected member names of src/, and every name src/ uses in a way that must keep it. */
function scanSources() {
  const hidden = new Set();
  const kept = new Set();
  const visit = (node) => {
    const name = node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)) ? node.name.text : undefined;
    if (name && CLASS_MEMBER_KINDS.has(node.kind) && (node.kind !== ts.SyntaxKind.Parameter || ts.isParameterPropertyDeclaration(node, node.parent))) {
      (isHidden(node) ? hidden : kept).add(name);
    } else if (name && (ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyAssignment(node)
      || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)
      || ts.isEnumMember(node))) {
      kept.add(name);
    }
    if (ts.isBindingElement(node)) kept.add((node.propertyName || node.name).getText());
    if (ts.isStringLiteralLike(node)) for (const word of node.text.match(/[A-Za-z_$][\w$]*/g) || []) kept.add(word);
    ts.forEachChild(node, visit);
  };
  for (const file of sourceFiles(path.join(root, 'src'))) {
    visit(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true));
  }
  return { hidden, kept };
}

/** The names terser may mangle as properties, sorted. */
function manglablePrivateMembers() {
  const { hidden, kept } = scanSources();
  const sdkWords = new Set();
  for (const scope of ['@smithy', '@aws-sdk']) wordsOfScripts(path.join(root, 'node_modules', scope), sdkWords);
  return [...hidden].filter((name) => name !== 'constructor' && !name.startsWith('#') && !kept.has(name) && !sdkWords.has(name)).sort();
}

module.exports = { manglablePrivateMembers };

if (require.main === module) console.log(manglablePrivateMembers().join('\n'));
