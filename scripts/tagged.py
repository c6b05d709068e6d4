"""Reading files at release tags of a git clone, for the scripts that generate symbol tables."""
import subprocess


def show(git_dir, tag, path):
    """The text of `path` at `tag`, or None when the tag has no such file."""
    r = subprocess.run(["git", "-C", git_dir, "show", f"{tag}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def commit(git_dir, tag):
    """The commit `tag` points at (for blob URLs pinned to it)."""
    return subprocess.run(["git", "-C", git_dir, "rev-list", "-n1", tag], capture_output=True, text=True).stdout.strip()
