#!/usr/bin/env python3
"""Lint for hollow tests, run by scripts/test.sh: a test must be able to fail.

It fails (exit 1, one line per problem) on
  * an XCTest method (`func test…` under Tests/) or a pytest test (`def test_…` in
    Tests/python/test_*.py) that makes no assertion: no XCTAssert…/XCTFail/XCTUnwrap
    call, no `assert` statement, `pytest.raises` or `pytest.fail`, and no call of a
    helper (a function defined under Tests/) that makes one, however deep;
  * `try?` inside the arguments of an XCTAssert… call, where any error, right or
    wrong, becomes nil or false and the check passes.
A test may be exempted in EXEMPT below, each with a one-line reason.

    python3 scripts/lint_tests.py          # prints a summary; exit 1 on a problem
"""

import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "Tests"

# "path::test": why the test may go without an assertion of its own. Keep it short,
# and empty when possible.
EXEMPT = {
}

SWIFT_ASSERTION = re.compile(r"\bXCT(?:Assert\w*|Fail|Unwrap|ExpectFailure)\s*\(")
SWIFT_ASSERT_CALL = re.compile(r"\bXCTAssert\w*\s*\(")
SWIFT_FUNC = re.compile(r"\bfunc\s+(\w+)\s*(?:<[^>{]*>)?\s*\(")
SWIFT_CALL = re.compile(r"\b(\w+)\s*(?:\(|\{)")


def swift_code(text):
    """`text` with comments and the literal parts of strings blanked (interpolations
    kept), so braces and parentheses can be matched."""
    out = []
    i, n = 0, len(text)

    def string_end(i, hashes, multiline):
        """Index after the string whose opening quote(s) end just before `i`; its
        literal text goes out blanked, its interpolations as code."""
        close = ('"""' if multiline else '"') + "#" * hashes
        escape = "\\" + "#" * hashes
        while i < n:
            if text.startswith(close, i):
                out.append(" " * len(close))
                return i + len(close)
            if text.startswith(escape + "(", i):
                out.append(" " * len(escape) + "(")
                i = code(i + len(escape) + 1, ")")
                continue
            if text.startswith(escape, i):
                out.append(" " * (len(escape) + 1))
                i += len(escape) + 1
                continue
            out.append("\n" if text[i] == "\n" else " ")
            i += 1
        return i

    def code(i, until=None):
        depth = 0
        while i < n:
            c = text[i]
            if until and depth == 0 and c == until:
                out.append(c)
                return i + 1
            if text.startswith("//", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                out.append(" " * (end - i))
                i = end
                continue
            if text.startswith("/*", i):
                end = text.find("*/", i + 2)
                end = n if end < 0 else end + 2
                out.append(re.sub(r"[^\n]", " ", text[i:end]))
                i = end
                continue
            match = re.match(r'(#*)("""|")', text[i:i + 40])
            if match and (match.group(1) or c == '"'):
                hashes, quote = len(match.group(1)), match.group(2)
                out.append(" " * match.end())
                i = string_end(i + match.end(), hashes, quote == '"""')
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            out.append(c)
            i += 1
        return i

    code(0)
    return "".join(out)


def matching(code, start):
    """Index of the bracket closing the one at `start`."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack = []
    for i in range(start, len(code)):
        if code[i] in pairs:
            stack.append(pairs[code[i]])
        elif stack and code[i] == stack[-1]:
            stack.pop()
            if not stack:
                return i
    return len(code)


def swift_functions(path):
    """[(name, line, body)] of every function in a Swift file."""
    code = swift_code(path.read_text())
    found = []
    for match in SWIFT_FUNC.finditer(code):
        close = matching(code, match.end() - 1)
        brace = code.find("{", close)
        if brace < 0 or code[close:brace].count("\n") > 3 or "func " in code[close:brace]:
            continue  # a requirement without a body
        body = code[brace:matching(code, brace) + 1]
        found.append((match.group(1), code.count("\n", 0, match.start()) + 1, body))
    return found, code


def swift_problems():
    files = sorted(TESTS.rglob("*.swift"))
    functions = []
    problems = []
    for path in files:
        found, code = swift_functions(path)
        functions += [(path, name, line, body) for name, line, body in found]
        for match in SWIFT_ASSERT_CALL.finditer(code):
            arguments = code[match.end() - 1:matching(code, match.end() - 1) + 1]
            if "try?" in arguments:
                line = code.count("\n", 0, match.start()) + 1
                problems.append("%s:%d: try? inside an assertion's argument: any error passes" % (path.relative_to(REPO), line))
    asserting = fixpoint({name: body for _, name, _, body in functions},
                         lambda body: bool(SWIFT_ASSERTION.search(body)),
                         lambda body: set(SWIFT_CALL.findall(body)))
    tests = [(path, name, line) for path, name, line, _ in functions if name.startswith("test")]
    return tests, asserting, problems


def fixpoint(bodies, direct, calls):
    """Names of the functions that assert, directly or through the ones they call.
    A name defined more than once asserts when any definition does."""
    asserting = {name for name, body in bodies.items() if direct(body)}
    called = {name: calls(body) for name, body in bodies.items()}
    changed = True
    while changed:
        changed = False
        for name, names in called.items():
            if name not in asserting and names & asserting:
                asserting.add(name)
                changed = True
    return asserting


def python_direct(node):
    for child in ast.walk(node):
        if isinstance(child, ast.Assert):
            return True
        if isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name) and child.value.id == "pytest" \
                and child.attr in ("raises", "fail"):
            return True
    return False


def python_calls(node):
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            if isinstance(child.func, ast.Name):
                names.add(child.func.id)
            elif isinstance(child.func, ast.Attribute):
                names.add(child.func.attr)
    return names


def python_problems():
    bodies = {}
    definitions = {}
    tests = []
    for path in sorted((TESTS / "python").glob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                definitions.setdefault(node.name, []).append(node)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and path.name.startswith("test_"):
                tests.append((path, node.name, node.lineno))
    for name, nodes in definitions.items():
        bodies[name] = nodes
    asserting = fixpoint(bodies, lambda nodes: any(map(python_direct, nodes)),
                         lambda nodes: set().union(*map(python_calls, nodes)))
    return tests, asserting


def main():
    swift_tests, swift_asserting, problems = swift_problems()
    python_tests, python_asserting = python_problems()
    exempted = set()
    for tests, asserting in ((swift_tests, swift_asserting), (python_tests, python_asserting)):
        for path, name, line in tests:
            key = "%s::%s" % (path.relative_to(REPO), name)
            if key in EXEMPT:
                exempted.add(key)
            elif name not in asserting:
                problems.append("%s:%d: %s makes no assertion" % (path.relative_to(REPO), line, name))
    for key in sorted(set(EXEMPT) - exempted):
        problems.append("EXEMPT lists %s, which is not a test" % key)
    for problem in problems:
        print(problem)
    print("lint_tests: %d XCTest methods, %d pytest tests checked; %d exempt; %d problems"
          % (len(swift_tests), len(python_tests), len(exempted), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
