"""A real LanguageTool client (language-tool-python from PyPI) against `otvet serve`.

Usage: python languagetool_client.py http://127.0.0.1:PORT

Each check prints `ok  NAME` or `FAIL NAME: why`; the exit status is 0 only when all pass.
"""

import sys

import language_tool_python

# The waving hand is one Python character but two UTF-16 units: the server counts
# UTF-16 as LanguageTool does, and the library turns that back into Python offsets.
TEXT = (
    "👋 Здравствуйте! В настоящее время фонари на улице Хрустальной не горят. "
    "Срок ответа установлен Федеральным законом от 02.05.2006 № 59-ФЗ. "
    "Мы заменим фонари до 20 июня."
)
TYPO = "Здравствуйте! Фанари на улице Хрустальной заменим до 20 июня."


def attribute(match, *names):
    """The first attribute the library version has (3.x renamed ruleId → rule_id, errorLength → error_length)."""
    for name in names:
        try:
            return getattr(match, name)
        except AttributeError:
            continue
    raise AttributeError(f"a match has none of {names}")


def rule_id(match):
    return attribute(match, "rule_id", "ruleId")


def error_length(match):
    return attribute(match, "error_length", "errorLength")


def only(matches, rule):
    found = [m for m in matches if rule_id(m) == rule]
    assert len(found) == 1, f"expected one {rule} match, got {[(rule_id(m), m.offset) for m in matches]}"
    return found[0]


def check_bureaucratese(tool):
    match = only(tool.check(TEXT), "bureaucratese")
    expected = TEXT.index("В настоящее время")
    assert match.offset == expected, f"offset {match.offset}, expected {expected}"
    assert error_length(match) == len("В настоящее время"), f"length {error_length(match)}"
    assert TEXT[match.offset:match.offset + error_length(match)] == "В настоящее время"
    assert match.replacements == ["Сейчас"], f"replacements {match.replacements}"
    assert match.category == "STYLE", f"category {match.category}"


def check_legal_citation(tool):
    match = only(tool.check(TEXT), "legal-citation")
    citation = "Федеральным законом от 02.05.2006 № 59-ФЗ"
    assert match.offset == TEXT.index(citation), f"offset {match.offset}, expected {TEXT.index(citation)}"
    assert error_length(match) == len(citation), f"length {error_length(match)}"
    assert match.replacements == [], f"replacements {match.replacements}"


def check_correct(tool):
    corrected = tool.correct(TEXT)
    assert "Сейчас фонари на улице Хрустальной" in corrected, corrected


def check_disabled_rules(tool):
    tool.disabled_rules.update({"bureaucratese"})
    try:
        rules = {rule_id(m) for m in tool.check(TEXT)}
        assert "bureaucratese" not in rules and "legal-citation" in rules, rules
    finally:
        tool.disabled_rules.clear()


def check_spelling_category(tool):
    typo = only(tool.check(TYPO), "spelling")
    assert TYPO[typo.offset:typo.offset + error_length(typo)] == "Фанари", typo
    assert typo.category == "TYPOS", typo.category
    tool.disable_spellchecking()
    try:
        assert "spelling" not in {rule_id(m) for m in tool.check(TYPO)}
    finally:
        tool.enable_spellchecking()


def main():
    url = sys.argv[1]
    tool = language_tool_python.LanguageTool("ru-RU", remote_server=url)
    checks = [check_bureaucratese, check_legal_citation, check_correct, check_disabled_rules, check_spelling_category]
    failed = 0
    try:
        for check in checks:
            try:
                check(tool)
                print(f"ok   {check.__name__}")
            except Exception as error:  # noqa: BLE001 — every failure is reported, the rest still run
                failed += 1
                print(f"FAIL {check.__name__}: {type(error).__name__}: {error}")
    finally:
        tool.close()
    print(f"{len(checks) - failed} of {len(checks)} client checks passed (language_tool_python against {url})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
