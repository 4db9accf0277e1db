// Measures functions the way the house rule counts them: a function's own code is its lines
// that hold code (not blank, not only a comment), without the lines of functions nested in
// it, which are measured apart; a closure's size in all counts everything inside it.
import ts from 'typescript';

export interface FunctionSize {
  readonly name: string;
  readonly line: number;
  /** Lines of code of its own, nested functions not counted. */
  readonly own: number;
  /** Lines of code in all, nested functions included. */
  readonly total: number;
}

type FunctionNode = ts.FunctionLikeDeclaration;

function isFunction(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function nameOf(node: FunctionNode): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** The lines (0-based) that hold code: not blank, not only a comment. */
function codeLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source.text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    // Template literals and regular expressions need the parser's context to scan right; their
    // lines are few, and counting a line too many only makes the measure stricter.
    const start = source.getLineAndCharacterOfPosition(scanner.getTokenStart()).line;
    const end = source.getLineAndCharacterOfPosition(scanner.getTokenEnd()).line;
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return lines;
}

export function measureFunctions(fileName: string, text: string): FunctionSize[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const code = codeLines(source);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const sizes: FunctionSize[] = [];

  function linesOf(node: ts.Node): Set<number> {
    const lines = new Set<number>();
    for (let line = lineOf(node.getStart(source)); line <= lineOf(node.getEnd()); line++) {
      if (code.has(line)) lines.add(line);
    }
    return lines;
  }

  function nestedFunctions(node: ts.Node): FunctionNode[] {
    const found: FunctionNode[] = [];
    const walk = (child: ts.Node) => {
      if (isFunction(child)) found.push(child);
      else ts.forEachChild(child, walk);
    };
    ts.forEachChild(node, walk);
    return found;
  }

  function visit(node: ts.Node): void {
    if (isFunction(node) && node.body) {
      const all = linesOf(node);
      const own = new Set(all);
      for (const nested of nestedFunctions(node.body)) {
        const nestedLines = linesOf(nested);
        // A one-line callback shares its line with the code around it: that line stays ours.
        if (nestedLines.size > 1) for (const line of nestedLines) own.delete(line);
      }
      sizes.push({
        name: nameOf(node),
        line: lineOf(node.getStart(source)) + 1,
        own: own.size,
        total: all.size,
      });
    }
    ts.forEachChild(node, visit);
  }

  visit(source);
  return sizes;
}
