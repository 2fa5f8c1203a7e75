"""The web cabinet in a real browser, against a real `otvet serve`.

The story of the issue's acceptance, step by step: the coordinator assigns a
message; the executor drafts an answer, sees the канцелярит and the legal
reference highlighted, applies a replacement, is refused on submit, rewrites
and submits; the head sees the score, rejects once with a comment; the
executor revises; the head approves; the dashboard counts the month. Then the
trainer's corpus page and the public check page.

Only the DOM hooks the cabinet promises are used (see the selectors below),
plus two it does not name: the header's links to the trainer and rating pages
(a[data-section], found by nav_link) and the editor's textarea#draft-text on
/check. Every wait is explicit.
"""

import datetime
import re

import pytest

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]
TODAY = datetime.date.today()
DATE = f"{TODAY.day} {MONTHS[TODAY.month - 1]}"

MESSAGE = "KIM-0001"
EXECUTOR_NAME = "Петров"

BUREAUCRATESE = "В настоящее время"
LEGAL = "статье 14.4 КоАП РФ"
FIRST_DRAFT = ("Здравствуйте, Анна! В настоящее время фонари во дворе не горят, "
               "согласно статье 14.4 КоАП РФ подрядчик отвечает за их ремонт.")
PASSING = f"Здравствуйте, Анна! Лампы в фонарях во дворе дома 5 по улице Мира заменили {DATE}. Теперь фонари горят."
REJECT_COMMENT = "Добавьте, что делать, если фонарь снова погаснет."
REVISED = (f"Здравствуйте, Анна! Лампы в фонарях во дворе дома 5 по улице Мира заменили {DATE}. "
           "Теперь фонари горят каждый вечер. Если фонарь снова погаснет, напишите нам на портале, "
           "и мы приедем в течение двух дней.")
SIGNER_POSITION = "Заместитель главы администрации"
SIGNER_NAME = "Кузнецов А. П."

TRAINEE_ANSWER = ("Здравствуйте! Фонари на улице восстановили: электрики заменили лампы 3 октября, "
                  "теперь улица освещена каждый вечер.")

PUBLIC_TEXT = "Здравствуйте! В настоящее время фонарь работает, его заменили 12 мая."


def number_in(text):
    match = re.search(r"-?\d+(?:[.,]\d+)?", text or "")
    return float(match.group().replace(",", ".")) if match else None


def open_action(cabinet, action, ready):
    """Presses the card's button[data-action] and waits for its dialog with the field `ready`."""
    cabinet.click(cabinet.action_button(action))
    return cabinet.dialog(ready=ready)


def fill_signer(cabinet, dialog):
    """The answer type and the signer, where the form asks for them and they are empty."""
    for select in cabinet.find_all("select[name=type]", dialog):
        if select.is_displayed():
            cabinet.choose(select, value="resolved")
    for selector, value in (("input[name=signerPosition]", SIGNER_POSITION), ("input[name=signerName]", SIGNER_NAME)):
        for field in cabinet.find_all(selector, dialog):
            if field.is_displayed() and not field.get_attribute("value"):
                field.send_keys(value)


def wait_highlight(cabinet, rule, predicate, what, root=None):
    def found(_):
        for mark in cabinet.find_all(f'mark[data-rule="{rule}"]', root):
            if predicate(cabinet.text_of(mark)):
                return mark
        return False

    def seen():
        return [(m.get_attribute("data-rule"), cabinet.text_of(m)) for m in cabinet.find_all("mark[data-rule]", root)]

    try:
        return cabinet.wait_until(found, what)
    except AssertionError as error:
        raise AssertionError(f"{error}; marks on the page: {seen()}") from None


def wait_verdict(cabinet, verdict):
    return cabinet.wait_until(
        lambda d: cabinet.find("#verdict").get_attribute("data-verdict") == verdict,
        f'#verdict[data-verdict="{verdict}"]',
    )


def nav_link(cabinet, names, words):
    """The cabinet's link to a page: the contract names the page's content but not its link."""
    selectors = [f'[data-{kind}="{n}"]' for kind in ("section", "page", "view") for n in names] + \
                [f'a[href*="{n}"]' for n in names]

    def link(_):
        for selector in selectors:
            for element in cabinet.find_all(selector):
                if element.is_displayed():
                    return element
        for element in cabinet.find_all("a, button"):
            label = cabinet.text_of(element).strip().lower()
            if element.is_displayed() and any(word in label for word in words):
                return element
        return False

    return cabinet.wait_until(link, f"a link to the {names[0]} page ({', '.join(selectors)} or text {words})")


@pytest.mark.scenario
class TestApprovalStory:
    """The issue's acceptance: one message from assignment to approval."""

    def test_01_login_page(self, cabinet):
        cabinet.sign_out()
        cabinet.open("/app/")
        form = cabinet.visible("form#login-form")
        assert cabinet.find("input[name=login]", form).is_displayed()
        assert cabinet.find("input[name=password]", form).get_attribute("type") == "password"
        cabinet.shot("01-login.png")

    def test_02_wrong_password_is_refused(self, cabinet):
        cabinet.open("/app/")
        form = cabinet.visible("form#login-form")
        cabinet.find("input[name=login]", form).send_keys("koordinator")
        cabinet.find("input[name=password]", form).send_keys("not-the-password")
        before = cabinet.text_of(form)
        cabinet.click(cabinet.find("button[type=submit], input[type=submit], button", form))
        # The answer (401) comes back quickly; the form then says why, or at least stays.
        try:
            cabinet.wait_until(lambda d: cabinet.text_of(cabinet.find("form#login-form")) != before,
                               "a message in the login form", timeout=3)
        except AssertionError:
            pass
        assert cabinet.find("form#login-form").is_displayed(), "the login form disappeared after a wrong password"
        assert not any(e.is_displayed() and cabinet.text_of(e).strip() for e in cabinet.find_all("#current-user")), \
            "#current-user names someone after a wrong password"

    def test_03_coordinator_sees_folders(self, cabinet, fixture_data):
        cabinet.sign_in("koordinator")
        assert cabinet.find("select#role-switch") is not None
        role = cabinet.find("select#role-switch").get_attribute("value")
        assert role == "coordinator", f"select#role-switch value: expected 'coordinator', got {role!r}"
        cabinet.wait_folder_count("new", len(fixture_data["messages"]))
        for folder in ("returned", "in-work", "prepared"):
            cabinet.folder_link(folder)
        cabinet.open_folder("new")
        for number in fixture_data["messages"]:
            cabinet.row_of(number)
        cabinet.shot("02-folders.png")

    def test_04_coordinator_assigns_the_executor(self, cabinet):
        cabinet.open_message("new", MESSAGE)
        cabinet.wait_card_state("new")
        dialog = open_action(cabinet, "assign", "select[name=executorID]")
        cabinet.choose(cabinet.visible_in(dialog, "select[name=executorID]"), text_contains=EXECUTOR_NAME)
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_card_state("in-work")
        cabinet.wait_until(lambda d: len(cabinet.find_all("ol#history li")) >= 2,
                           "ol#history to list the receipt and the assignment")
        cabinet.wait_folder_count("new", 2)

    def test_05_executor_sees_highlights(self, cabinet):
        cabinet.sign_in("ispolnitel")
        cabinet.wait_folder_count("in-work", 1)
        cabinet.open_message("in-work", MESSAGE)
        cabinet.wait_card_state("in-work")
        dialog = open_action(cabinet, "draft", "textarea#draft-text")  # «Подготовить ответ»
        for field in ("select[name=type]", "select[name=templateID]", "input[name=signerPosition]",
                      "input[name=signerName]", "button[data-confirm]"):
            assert cabinet.find_all(field, dialog), f"the «Подготовить ответ» dialog has no {field}"
        fill_signer(cabinet, dialog)
        cabinet.set_text(cabinet.visible_in(dialog, "textarea#draft-text"), FIRST_DRAFT)

        mark = wait_highlight(cabinet, "bureaucratese", lambda text: text == BUREAUCRATESE,
                              f'mark[data-rule="bureaucratese"] with the text «{BUREAUCRATESE}»', root=dialog)
        assert int(mark.get_attribute("data-offset")) == FIRST_DRAFT.index(BUREAUCRATESE), \
            f"data-offset of the bureaucratese mark: {mark.get_attribute('data-offset')}"
        assert int(mark.get_attribute("data-length")) == len(BUREAUCRATESE), \
            f"data-length of the bureaucratese mark: {mark.get_attribute('data-length')}"
        legal = wait_highlight(cabinet, "legal-citation", lambda text: LEGAL in text,
                               f'mark[data-rule="legal-citation"] containing «{LEGAL}»', root=dialog)
        assert int(legal.get_attribute("data-offset")) <= FIRST_DRAFT.index(LEGAL)

        cabinet.wait_until(lambda d: cabinet.find_all('#findings li[data-rule="legal-citation"]')
                           and cabinet.find_all('#findings li[data-rule="bureaucratese"]'),
                           '#findings li[data-rule="legal-citation"] and li[data-rule="bureaucratese"]',
                           observe=lambda: [li.get_attribute("data-rule") for li in cabinet.find_all("#findings li[data-rule]")])
        wait_verdict(cabinet, "fail")
        score = cabinet.text_of(cabinet.find("#score"))
        assert number_in(score) is not None and number_in(score) < 5, f"#score for a failing draft: {score!r}"
        cabinet.shot("03-editor-highlights.png")

    def test_06_executor_applies_a_replacement(self, cabinet):
        dialog = cabinet.dialog(ready="textarea#draft-text")
        mark = wait_highlight(cabinet, "bureaucratese", lambda text: text == BUREAUCRATESE,
                              f'mark[data-rule="bureaucratese"] «{BUREAUCRATESE}»', root=dialog)
        cabinet.click(mark)
        cabinet.click(cabinet.visible('#finding-popup button[data-replacement="Сейчас"]'))
        textarea = cabinet.visible("textarea#draft-text")
        replaced = {FIRST_DRAFT.replace(BUREAUCRATESE, word) for word in ("Сейчас", "сейчас")}
        cabinet.wait_until(lambda d: textarea.get_attribute("value") in replaced,
                           "textarea#draft-text to say «Сейчас» in place of «В настоящее время»",
                           observe=lambda: textarea.get_attribute("value"))
        # The check runs again: the replaced phrase is no longer highlighted, the legal reference still is.
        cabinet.wait_until(lambda d: not any(cabinet.text_of(m) == BUREAUCRATESE
                                             for m in cabinet.find_all('mark[data-rule="bureaucratese"]', dialog)),
                           f"no mark «{BUREAUCRATESE}» after the replacement")
        wait_highlight(cabinet, "legal-citation", lambda text: LEGAL in text, "the legal reference still highlighted",
                       root=dialog)

    def test_07_submit_with_errors_is_refused(self, cabinet):
        # Save the draft («Сохранить черновик»), then «На согласование» from the card.
        dialog = cabinet.dialog(ready="textarea#draft-text")
        saved = cabinet.find("textarea#draft-text", dialog).get_attribute("value")
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_card_state("in-work")
        cabinet.wait_until(lambda d: any("сейчас" in cabinet.text_of(p).lower()
                                         for p in cabinet.find_all("section#message-card")),
                           "the card to show the saved draft")
        dialog = open_action(cabinet, "submit", "textarea#draft-text")
        textarea = cabinet.find("textarea#draft-text", dialog)
        assert textarea.get_attribute("value") == saved, \
            f"the submit form starts from the saved draft: {textarea.get_attribute('value')!r}"
        fill_signer(cabinet, dialog)
        cabinet.confirm(dialog)
        cabinet.visible('#refusal li[data-rule="legal-citation"]')
        rules = {li.get_attribute("data-rule") for li in cabinet.find_all("#refusal li[data-rule]")}
        assert "legal-citation" in rules, f"#refusal lists {rules}"
        assert "bureaucratese" not in rules, f"#refusal lists a suggestion as blocking: {rules}"
        cabinet.shot("04-refused.png")
        assert cabinet.card_state() == "in-work", f"card state after a refused submit: {cabinet.card_state()!r}"

    def test_08_executor_rewrites_and_submits(self, cabinet):
        dialog = cabinet.dialog(ready="textarea#draft-text")
        cabinet.set_text(cabinet.find("textarea#draft-text", dialog), PASSING)
        wait_verdict(cabinet, "pass")
        cabinet.wait_until(lambda d: not cabinet.find_all('mark[data-rule="legal-citation"]', dialog),
                           "no legal-citation mark in the editor after the rewrite")
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_card_state("prepared")
        cabinet.wait_folder_count("in-work", 0)

    def test_09_head_sees_the_score_and_rejects(self, cabinet):
        cabinet.sign_in("rukovoditel")
        cabinet.wait_folder_count("prepared", 1)
        cabinet.open_message("prepared", MESSAGE)
        cabinet.wait_card_state("prepared")
        score = cabinet.wait_until(lambda d: number_in(cabinet.text_of(cabinet.find("#score"))) is not None
                                   and cabinet.find("#score"), "#score with a number")
        assert number_in(cabinet.text_of(score)) >= 5, f"#score of the passing answer: {cabinet.text_of(score)!r}"
        cabinet.wait_until(lambda d: cabinet.find("#gate").get_attribute("data-verdict") == "pass",
                           '#gate[data-verdict="pass"]')
        page = cabinet.text_of(cabinet.find("section#message-card"))
        assert "заменили" in page, "the card shows the prepared answer's text"
        cabinet.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", cabinet.find("#gate"))
        cabinet.shot("05-head-view.png")

        dialog = open_action(cabinet, "reject", "textarea[name=comment]")
        cabinet.visible_in(dialog, "textarea[name=comment]").send_keys(REJECT_COMMENT)
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_folder_count("prepared", 0)

    def test_10_executor_revises_and_submits_again(self, cabinet):
        cabinet.sign_in("ispolnitel")
        cabinet.wait_folder_count("in-work", 1)
        cabinet.open_message("in-work", MESSAGE)
        cabinet.wait_until(lambda d: any(REJECT_COMMENT in cabinet.text_of(li) for li in cabinet.find_all("ol#history li")),
                           "ol#history li with the head's comment")
        dialog = open_action(cabinet, "submit", "textarea#draft-text")
        textarea = cabinet.find("textarea#draft-text", dialog)
        assert textarea.get_attribute("value") == PASSING, \
            f"the form starts from the rejected answer: {textarea.get_attribute('value')!r}"
        fill_signer(cabinet, dialog)
        cabinet.set_text(textarea, REVISED)
        wait_verdict(cabinet, "pass")
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_card_state("prepared")

    def test_11_head_approves_the_revision(self, cabinet):
        cabinet.sign_in("rukovoditel")
        cabinet.wait_folder_count("prepared", 1)
        cabinet.open_message("prepared", MESSAGE)
        cabinet.wait_until(lambda d: "погаснет" in cabinet.text_of(cabinet.find("section#message-card")),
                           "the card to show the revised answer")
        cabinet.wait_until(lambda d: cabinet.find("#gate").get_attribute("data-verdict") == "pass",
                           '#gate[data-verdict="pass"]')
        dialog = open_action(cabinet, "approve", "textarea[name=overrideReason]")
        assert not cabinet.find("textarea[name=overrideReason]", dialog).is_displayed(), \
            "a passing answer asks for an override reason"
        cabinet.confirm(dialog)
        cabinet.dialog_closed()
        cabinet.wait_card_state("sent")
        actions = [li.get_attribute("data-action") or cabinet.text_of(li) for li in cabinet.find_all("ol#history li")]
        assert len(actions) >= 7, f"ol#history after approval: {actions}"
        cabinet.wait_folder_count("prepared", 0)
        cabinet.wait_folder_count("sent", 1)

    def test_12_dashboard_counts_the_month(self, cabinet, fixture_data, downloads):
        cabinet.click(nav_link(cabinet, ["rating", "dashboard"], ["рейтинг", "показател", "дашборд"]))
        month = cabinet.visible("input#rating-month")
        this_month = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m")
        if month.get_attribute("value") != this_month:
            cabinet.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", month, this_month)

        def row(_):
            for candidate in cabinet.find_all("table#rating-table tr[data-organisation-id]"):
                received = cabinet.find('td[data-field="received"]', candidate)
                if number_in(cabinet.text_of(received)) == len(fixture_data["messages"]):
                    return candidate
            return False

        found = cabinet.wait_until(row, f"table#rating-table tr[data-organisation-id] with received = "
                                        f"{len(fixture_data['messages'])}; rows: "
                                        + repr([cabinet.text_of(r) for r in cabinet.find_all('table#rating-table tr')]))
        answered = number_in(cabinet.text_of(cabinet.find('td[data-field="answered"]', found)))
        assert answered is not None and answered >= 1, f'td[data-field="answered"]: {answered}'
        for field in ("overdue", "redirected", "averageScore"):
            cabinet.find(f'td[data-field="{field}"]', found)
        cabinet.visible("svg.chart")
        cabinet.shot("06-dashboard.png")

        # «Скачать CSV»: the server's CSV of the same month.
        cabinet.click("#rating-csv")
        path = downloads / f"rating-{this_month}.csv"
        cabinet.wait_until(lambda d: path.exists() and path.stat().st_size > 0, f"the download {path.name}",
                           observe=lambda: sorted(p.name for p in downloads.iterdir()))
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        assert header[0] == "level" and "received" in header and "answered" in header, f"CSV header: {lines[0]!r}"
        received = header.index("received")
        rows = [line for line in lines[1:] if fixture_data["organisation"] in line]
        assert rows, f"CSV rows: {lines[1:]}"
        assert rows[0].split(",")[received] == str(len(fixture_data["messages"])), f"CSV row: {rows[0]!r}"


@pytest.mark.scenario
class TestTrainer:
    def test_corpus_and_trainee_score(self, cabinet):
        cabinet.sign_in("rukovoditel")
        cabinet.click(nav_link(cabinet, ["trainer", "corpus"], ["тренаж", "корпус", "обучен"]))
        cabinet.wait_until(lambda d: len(cabinet.find_all("table#corpus-table tr[data-case-id]")) >= 10,
                           "table#corpus-table with the corpus cases (tr[data-case-id])")
        rows = cabinet.find_all("table#corpus-table tr[data-case-id]")
        for row in rows:
            score = cabinet.text_of(cabinet.find('td[data-field="score"]', row))
            assert number_in(score) is not None, f'td[data-field="score"] of {row.get_attribute("data-case-id")}: {score!r}'
            agrees = cabinet.text_of(cabinet.find('td[data-field="agrees"]', row)).strip()
            assert agrees, f'td[data-field="agrees"] of {row.get_attribute("data-case-id")} is empty'
        cabinet.shot("07-trainer.png")

        # A bad case about street lighting: the trainee writes a better answer and scores it.
        lighting = [r for r in rows if "street-lighting" in r.get_attribute("data-case-id")
                    and r.get_attribute("data-case-id").startswith("bad")]
        case = (lighting or rows)[0]
        case_id = case.get_attribute("data-case-id")
        cabinet.click(case)
        answer = cabinet.visible("textarea#trainee-answer")
        answer.send_keys(TRAINEE_ANSWER)
        cabinet.click("button#trainee-score-button")
        cabinet.wait_until(lambda d: number_in(cabinet.text_of(cabinet.find("#trainee-score"))) is not None,
                           f"#trainee-score with a number for case {case_id}")
        cabinet.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cabinet.find("#trainee-score"))
        cabinet.shot("07b-trainee-score.png")


@pytest.mark.scenario
class TestPublicCheck:
    def test_public_check_highlights_without_login(self, cabinet):
        cabinet.sign_out()
        cabinet.open("/check")
        assert not cabinet.find_all("form#login-form") or not cabinet.find("form#login-form").is_displayed(), \
            "/check asks to sign in"
        textarea = cabinet.visible("textarea#draft-text")
        textarea.send_keys(PUBLIC_TEXT)
        mark = wait_highlight(cabinet, "bureaucratese", lambda text: text == BUREAUCRATESE,
                              f'mark[data-rule="bureaucratese"] «{BUREAUCRATESE}» on /check')
        assert int(mark.get_attribute("data-offset")) == PUBLIC_TEXT.index(BUREAUCRATESE)
        cabinet.wait_until(lambda d: cabinet.find("#verdict").get_attribute("data-verdict") == "pass",
                           '#verdict[data-verdict="pass"] on /check')
        cabinet.click(mark)
        cabinet.visible('#finding-popup button[data-replacement="Сейчас"]')
        cabinet.shot("08-public-check.png")
