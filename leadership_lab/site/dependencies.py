"""Which package modules and data files a notebook depends on, so the build can re-execute it.

The myst-nb cache keys a notebook on its code cells alone: a changed data file or package module
would leave stale outputs in the site. These functions find a notebook's real inputs by reading
imports (never running anything) and fold them into a fingerprint the build compares.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA_FILES_ATTRIBUTE = "__data_files__"
_MAGIC_LINE = re.compile(r"^\s*[%!?]")


def imported_modules(code: str, package: str) -> set[str]:
    """Every module of `package` named by an import in `code` (IPython magics are skipped)."""
    source = "\n".join("" if _MAGIC_LINE.match(line) else line for line in code.splitlines())
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return _imports_in_tree(tree, package, current_module=None, is_package=False)


def _imports_in_tree(
    tree: ast.AST, package: str, current_module: str | None, is_package: bool
) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, current_module, is_package)
            if base is None:
                continue
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return {name for name in names if name == package or name.startswith(package + ".")}


def _resolve_from(node: ast.ImportFrom, current_module: str | None, is_package: bool) -> str | None:
    if node.level == 0:
        return node.module
    if current_module is None:
        return None
    parts = current_module.split(".")
    if not is_package:
        parts = parts[:-1]
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    if node.module:
        parts.append(node.module)
    return ".".join(parts) if parts else None


def module_file(name: str, package_parent: Path) -> Path | None:
    """The source file of a module name, or None when the name is an attribute, not a module."""
    base = package_parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def with_parent_packages(names: Iterable[str]) -> set[str]:
    """Add every parent package, because importing a.b.c runs a/__init__ and a/b/__init__ too."""
    full: set[str] = set()
    for name in names:
        parts = name.split(".")
        full.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return full


def import_closure(roots: Iterable[str], package: str, package_parent: Path) -> dict[str, Path]:
    """All package modules reachable from `roots` through imports, mapped to their files."""
    pending = sorted(with_parent_packages(roots))
    found: dict[str, Path] = {}
    while pending:
        name = pending.pop()
        if name in found:
            continue
        path = module_file(name, package_parent)
        if path is None:
            continue
        found[name] = path
        text = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        for child in with_parent_packages(_module_imports(text, package, name, is_package)):
            if child not in found:
                pending.append(child)
    return found


@lru_cache(maxsize=1024)
def _module_imports(text: str, package: str, name: str, is_package: bool) -> frozenset[str]:
    """The package modules one module's source imports. Keyed on the source itself, so an edited
    module is parsed again; the build asks this of the same modules for every notebook, and
    parsing them again each time cost about 3 s of a cold build."""
    return frozenset(_imports_in_tree(ast.parse(text), package, name, is_package))


def declared_data_files(module_path: Path) -> tuple[str, ...]:
    """Glob patterns (relative to the repository) a module lists in `__data_files__`."""
    return _declared_in(module_path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1024)
def _declared_in(text: str) -> tuple[str, ...]:
    tree = ast.parse(text)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == DATA_FILES_ATTRIBUTE
            for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return tuple(str(pattern) for pattern in value)
    return ()


def dependency_files(
    code: str, package: str, repo_root: Path, always: Iterable[str] = ()
) -> list[Path]:
    """The files whose content decides a notebook's outputs, besides its own code cells."""
    modules = import_closure(imported_modules(code, package), package, repo_root)
    files = set(modules.values())
    patterns = list(always)
    for path in modules.values():
        patterns.extend(declared_data_files(path))
    for pattern in patterns:
        files.update(path for path in repo_root.glob(pattern) if path.is_file())
    return sorted(files)


def fingerprint(files: Iterable[Path], repo_root: Path) -> str:
    """A content hash of the files (names included), blind to timestamps."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(repo_root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
