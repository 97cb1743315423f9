"""`hkh init`: a new project folder with commented templates in bokmål, nynorsk or English.

The templates live in `hkh/project/templates/init/<language>/` as real YAML files with comments, so that a translator can
edit them without touching code. Each holds one filled-in example entry that is valid and refers to the examples in
the other files, so that `hkh check` passes on a fresh folder and the team sees a working cross-reference.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from hkh.core.errors import OverwriteRefusedError, UsageError
from hkh.core.files import new_directory, write_text_atomic
from hkh.core.lock import LOCK_NAME
from hkh.core.safe_text import FORBIDDEN, refuse_forbidden
from hkh.project.load import KEPT_TABLES, OUT_DIR, PROJECT_FILE, RAW_DIR, STATS_DIR, SURVEY_DIR
from hkh.project.models import FILE_MODELS, LANGUAGES

TEMPLATE_FILES: tuple[str, ...] = tuple(FILE_MODELS)
FOLDERS: tuple[Path, ...] = (Path(RAW_DIR), Path(SURVEY_DIR), Path(STATS_DIR), Path(OUT_DIR))

# Raw exports hold personal data (health data under GDPR art. 9): ignoring everything in data/raw/ except this
# file keeps them out of git even when someone runs `git add .`.
_RAW_GITIGNORE_HEAD = {
    "nb": "# Rådata (eksporter fra SurveyXact og lignende) inneholder personopplysninger og skal ikke i git.",
    "nn": "# Rådata (eksportar frå SurveyXact og liknande) inneheld personopplysningar og skal ikkje i git.",
    "en": "# Raw exports (SurveyXact and the like) hold personal data and must not go into git.",
}
# Imported surveys: responses.csv holds every answer, open-text answers too (personal data); the codebook holds
# questions and labels only, and the team's decisions about "vet ikke", so it stays in git.
_SURVEY_GITIGNORE_HEAD = {
    "nb": "# Svarene i importerte undersøkelser (også fritekstsvar) er personopplysninger og skal ikke i git; kodebøkene kan.",
    "nn": "# Svara i importerte undersøkingar (òg fritekstsvar) er personopplysningar og skal ikkje i git; kodebøkene kan.",
    "en": "# The answers of imported surveys (open-text answers too) are personal data and must not go into git; codebooks may.",
}
_PROJECT_GITIGNORE_HEAD = {
    "nb": "# hkh holder den første fila mens en kommando skriver i prosjektet; den andre er tabellene til\n"
    "# en spørreundersøkelse, tatt vare på mellom kjøringer av `hkh run`.",
    "nn": "# hkh held den første fila medan ein kommando skriv i prosjektet; den andre er tabellane til\n"
    "# ei spørjeundersøking, tekne vare på mellom køyringar av `hkh run`.",
    "en": "# hkh holds the first file while a command writes to the project; the second is a survey's tables,\n"
    "# kept between runs of `hkh run`.",
}


def raw_gitignore(language: str) -> str:
    return f"{_RAW_GITIGNORE_HEAD[language]}\n*\n!.gitignore\n"


def survey_gitignore(language: str) -> str:
    return f"{_SURVEY_GITIGNORE_HEAD[language]}\n*\n!.gitignore\n!*/\n!*/codebook.yaml\n"


def project_gitignore(language: str) -> str:
    return f"{_PROJECT_GITIGNORE_HEAD[language]}\n{LOCK_NAME}\n{KEPT_TABLES}\n"


def template_text(name: str, language: str) -> str:
    """The raw template (with its `__TITLE__`-style placeholders) for one project file."""
    return resources.files("hkh.project").joinpath("templates", "init", language, name).read_text("utf-8")


def default_title(directory: Path) -> str:
    """`brugata_storgata` → `Brugata storgata`: a readable title the team will usually replace."""
    name = directory.expanduser().resolve().name.replace("_", " ").replace("-", " ")
    name = " ".join(FORBIDDEN.sub("", name).split())  # a folder's name may hold what a title may not
    return (name[:1].upper() + name[1:]) if name else "HKH"


# Characters YAML does not allow unescaped (DEL, C1 controls, lone surrogates, non-characters) and line separators
# that YAML would fold into spaces; JSON escapes only the C0 controls by itself.
_YAML_UNSAFE = re.compile("[\x7f-\x84\x86-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _yaml_string(text: str | None) -> str:
    # A JSON string is a valid YAML double-quoted scalar, so any title (with `:`, `#` or quotes) stays a string.
    if not text:
        return ""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _from_command_line(text: str | None) -> str | None:
    """Bytes that were not UTF-8 on the command line arrive as lone surrogates; they become U+FFFD, not a crash."""
    if text is None:
        return None
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def render_template(name: str, language: str, *, title: str, area: str | None) -> str:
    text = template_text(name, language)
    text = text.replace("__TITLE__", _yaml_string(title))
    text = text.replace("__AREA_TAG__", _yaml_string(area))
    text = text.replace("__AREA__", _yaml_string(area))
    # an absent area leaves `area: ` or `where: `, which YAML reads as empty; trailing blanks would only confuse
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def planned_files(root: Path, language: str, *, title: str, area: str | None) -> dict[Path, str]:
    files = {root / name: render_template(name, language, title=title, area=area) for name in TEMPLATE_FILES}
    files[root / RAW_DIR / ".gitignore"] = raw_gitignore(language)
    files[root / SURVEY_DIR / ".gitignore"] = survey_gitignore(language)
    files[root / ".gitignore"] = project_gitignore(language)
    return files


def create_project(
    directory: Path, *, title: str | None = None, area: str | None = None, language: str = "nb"
) -> list[Path]:
    """Create the project folder and its files; return the files written.

    Nothing is written when any of the files already exists: a half-initialised folder mixed with the user's own
    files is worse than a clear refusal. A new folder appears whole or not at all (it is built under a temporary
    name); in a folder that exists already, hkh.yaml comes last, so an interrupted init never leaves a folder that
    looks like a project.
    """
    if language not in LANGUAGES:
        raise UsageError("language-unknown", language=language, known=list(LANGUAGES))
    root = directory.expanduser()
    if root.exists() and not root.is_dir():
        raise UsageError("init-on-file", path=root)
    title = (_from_command_line(title) or "").strip() or None
    area = (_from_command_line(area) or "").strip() or None
    # what `hkh check` refuses in the files is refused here, where the team typed it
    refuse_forbidden(title or "", "--title")
    refuse_forbidden(area or "", "--area")
    title = title or _from_command_line(default_title(root)) or "HKH"
    files = planned_files(root, language, title=title, area=area)
    for path in files:
        if path.exists() or path.is_symlink():
            raise OverwriteRefusedError("init-file-exists", path=path)
    for folder in FOLDERS:
        target = root / folder
        if target.exists() and not target.is_dir():
            raise OverwriteRefusedError("init-folder-is-file", path=target)
    in_order = sorted(files, key=lambda path: path == root / PROJECT_FILE)
    if not root.exists():
        with new_directory(root) as building:
            for folder in FOLDERS:
                (building / folder).mkdir(parents=True)
            for path in in_order:
                (building / path.relative_to(root)).write_text(files[path], encoding="utf-8")
        return in_order
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True, exist_ok=True)
    for path in in_order:
        write_text_atomic(path, files[path])
    return in_order
