"""Fixtures and helpers for the browser tests of the web cabinet.

`scripts/test-browser` prepares a database with the CLI, starts `otvet serve`
and passes what the tests need in a JSON file named by OTVET_BROWSER_FIXTURE:
the server's URL, the users' passwords, the imported messages' numbers and the
screenshot folder. The tests drive Debian's headless Chromium through its
chromedriver; nothing is downloaded.

Tests in a class marked `scenario` are steps of one story: after a step
fails, the later ones are skipped with the failed step's name.
"""

import json
import os
import re
import sys

import pytest
from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

TIMEOUT = float(os.environ.get("OTVET_BROWSER_TIMEOUT", "10"))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def load_fixture():
    path = os.environ.get("OTVET_BROWSER_FIXTURE")
    if not path:
        pytest.exit("OTVET_BROWSER_FIXTURE is not set: run the browser tests with scripts/test-browser", 2)
    with open(path, encoding="utf-8") as file:
        return json.load(file)


@pytest.fixture(scope="session")
def fixture_data():
    return load_fixture()


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,1000",
        "--lang=ru-RU",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=CHROMEDRIVER)
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def downloads(driver, tmp_path_factory):
    """Where the browser saves downloads (the rating's CSV)."""
    folder = tmp_path_factory.mktemp("downloads")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


@pytest.fixture(scope="session")
def cabinet(driver, fixture_data):
    return Cabinet(driver, fixture_data)


class Cabinet:
    """The cabinet as a person sees it, through the DOM hooks it promises."""

    def __init__(self, driver, data):
        self.driver = driver
        self.data = data
        self.url = data["url"].rstrip("/")
        self.screenshots = data["screenshots"]
        os.makedirs(self.screenshots, exist_ok=True)

    # -- waiting -------------------------------------------------------------

    def wait_until(self, condition, what, timeout=TIMEOUT, observe=None):
        """Waits until condition(driver) is truthy and returns it; on timeout fails
        with `what` and the last value or error the condition gave."""
        last = {"value": None}

        def probe(driver):
            try:
                value = condition(driver)
            except (NoSuchElementException, StaleElementReferenceException) as error:
                last["value"] = f"{type(error).__name__}: {error.msg.splitlines()[0] if error.msg else ''}"
                return False
            last["value"] = value
            return value

        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(probe)
        except TimeoutException:
            seen = last["value"]
            if observe is not None:
                try:
                    seen = observe()
                except Exception as error:
                    seen = f"{type(error).__name__}"
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}; seen: {seen!r}") from None

    def find(self, selector, root=None):
        return (root or self.driver).find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector, root=None):
        return (root or self.driver).find_elements(By.CSS_SELECTOR, selector)

    def present(self, selector, timeout=TIMEOUT):
        return self.wait_until(lambda d: self.find(selector), f"an element {selector}", timeout)

    def visible(self, selector, timeout=TIMEOUT):
        def shown(_):
            for element in self.find_all(selector):
                if element.is_displayed():
                    return element
            return False

        return self.wait_until(shown, f"a visible {selector}", timeout)

    def text_of(self, element):
        return self.driver.execute_script("return arguments[0].textContent", element) or ""

    def click(self, element_or_selector):
        element = element_or_selector
        if isinstance(element_or_selector, str):
            element = self.visible(element_or_selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)

        def clicked(_):
            try:
                element.click()
                return True
            except (ElementClickInterceptedException, ElementNotInteractableException):
                return False

        self.wait_until(clicked, f"a clickable {describe(element)}")

    def shot(self, name):
        path = os.path.join(self.screenshots, name)
        self.driver.save_screenshot(path)
        return path

    # -- pages -----------------------------------------------------------------

    def open(self, path):
        self.driver.get(self.url + path)

    def sign_out(self):
        """Forgets the session as a fresh browser would: cookies and storage."""
        self.open("/healthz")
        self.driver.delete_all_cookies()
        self.driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")

    def sign_in(self, login):
        self.sign_out()
        self.open("/app/")
        form = self.visible("form#login-form")
        self.find("input[name=login]", form).send_keys(login)
        self.find("input[name=password]", form).send_keys(self.data["passwords"][login])
        buttons = self.find_all("button[type=submit], input[type=submit]", form) or self.find_all("button", form)
        self.click(buttons[0])
        self.wait_until(
            lambda d: login in self.text_of(self.find("#current-user")) or self.user_name(login) in self.text_of(self.find("#current-user")),
            f"#current-user to name {login} after signing in",
        )

    def user_name(self, login):
        return {
            "admin": "Администратор",
            "koordinator": "Смирнова",
            "ispolnitel": "Петров",
            "rukovoditel": "Кузнецов",
        }.get(login, login)

    def folder_link(self, folder):
        return self.visible(f'a[data-folder="{folder}"]')

    def folder_count(self, folder):
        link = self.folder_link(folder)
        text = self.text_of(self.find("span.count", link)).strip()
        match = re.search(r"\d+", text)
        return int(match.group()) if match else None

    def wait_folder_count(self, folder, expected):
        self.wait_until(lambda d: self.folder_count(folder) == expected or False,
                        f'a[data-folder="{folder}"] span.count to say {expected}',
                        observe=lambda: self.folder_count_text(folder))

    def folder_count_text(self, folder):
        try:
            return self.text_of(self.find(f'a[data-folder="{folder}"] span.count'))
        except NoSuchElementException:
            return None

    def open_folder(self, folder):
        self.click(self.folder_link(folder))

    def row_of(self, number):
        def row(_):
            for candidate in self.find_all("tr[data-message-id]"):
                if number in self.text_of(candidate) and candidate.is_displayed():
                    return candidate
            return False

        return self.wait_until(row, f"a row tr[data-message-id] with the number {number}")

    def open_message(self, folder, number):
        self.open_folder(folder)
        row = self.row_of(number)
        message_id = row.get_attribute("data-message-id")
        links = self.find_all("a", row)
        self.click(links[0] if links else row)
        self.wait_until(
            lambda d: self.find("section#message-card").get_attribute("data-message-id") == message_id
            and self.find("section#message-card").is_displayed(),
            f'section#message-card[data-message-id="{message_id}"]',
        )
        return message_id

    def card_state(self):
        return self.find("section#message-card").get_attribute("data-state")

    def wait_card_state(self, state):
        return self.wait_until(lambda d: self.card_state() == state, f'section#message-card[data-state="{state}"]',
                               observe=lambda: f"data-state={self.card_state()!r}")

    def action_button(self, action, root=None):
        def button(_):
            for candidate in self.find_all(f'button[data-action="{action}"]', root):
                if candidate.is_displayed() and candidate.is_enabled():
                    return candidate
            return False

        return self.wait_until(button, f'a visible, enabled button[data-action="{action}"]')

    def dialog(self, ready=None):
        """The open action dialog; with `ready`, once that field is in it (the fields load after it opens)."""
        dialog = self.wait_until(
            lambda d: (lambda e: e if e.is_displayed() and e.get_attribute("open") is not None else False)(self.find("dialog#action-dialog")),
            "dialog#action-dialog to open",
        )
        if ready:
            self.wait_until(lambda d: self.find(ready, dialog), f"{ready} in dialog#action-dialog",
                            observe=lambda: " ".join(self.text_of(dialog).split())[:400])
        return dialog

    def dialog_closed(self):
        self.wait_until(
            lambda d: not self.find_all("dialog#action-dialog") or self.find("dialog#action-dialog").get_attribute("open") is None,
            "dialog#action-dialog to close",
            observe=lambda: " ".join(self.text_of(self.find("dialog#action-dialog")).split())[:400],
        )

    def confirm(self, dialog):
        self.click(self.visible_in(dialog, "button[data-confirm]"))

    def visible_in(self, root, selector):
        def shown(_):
            for element in self.find_all(selector, root):
                if element.is_displayed():
                    return element
            return False

        return self.wait_until(shown, f"a visible {selector} in {describe(root)}")

    def choose(self, select_element, text_contains=None, value=None):
        select = Select(select_element)
        self.wait_until(lambda d: len(select.options) > 0 and any(o.get_attribute("value") for o in select.options),
                        f"options in {describe(select_element)}")
        for option in select.options:
            if value is not None and option.get_attribute("value") == str(value):
                select.select_by_value(option.get_attribute("value"))
                return option
            if text_contains is not None and text_contains in option.text:
                select.select_by_value(option.get_attribute("value"))
                return option
        raise AssertionError(
            f"no option {value or text_contains!r} in {describe(select_element)}; options: {[o.text for o in select.options]}"
        )

    def set_text(self, element, text):
        """Replaces a field's text the way a person does: select all, type."""
        # Focus and select by script: the editor's highlight layer lies over the textarea.
        self.driver.execute_script("arguments[0].focus(); arguments[0].select();", element)
        element.send_keys(text)
        self.wait_until(lambda d: element.get_attribute("value") == text, f"{describe(element)} to hold the typed text")

    def console_errors(self):
        try:
            return [entry["message"] for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        except Exception:  # the log is a nicety
            return []


def describe(element):
    try:
        tag = element.tag_name
        ident = element.get_attribute("id")
        attrs = "".join(
            f'[{name}="{element.get_attribute(name)}"]'
            for name in ("name", "data-action", "data-rule", "data-folder")
            if element.get_attribute(name)
        )
        return f"{tag}{'#' + ident if ident else ''}{attrs}"
    except Exception:
        return "element"


# -- the scenario: later steps are skipped after a failed one -------------------

def pytest_configure(config):
    config.addinivalue_line("markers", "scenario: steps of one story; a failed step skips the rest of the class")


def pytest_runtest_makereport(item, call):
    if "scenario" in item.keywords and call.excinfo is not None and call.when in ("setup", "call") \
            and not call.excinfo.errisinstance(pytest.skip.Exception):
        item.parent._failed_step = item.name


def pytest_runtest_setup(item):
    if "scenario" in item.keywords:
        failed = getattr(item.parent, "_failed_step", None)
        if failed:
            pytest.skip(f"the earlier step {failed} failed")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    outcome = yield
    if outcome.excinfo is not None and not issubclass(outcome.excinfo[0], pytest.skip.Exception):
        cabinet = item.funcargs.get("cabinet")
        if cabinet is not None:
            name = re.sub(r"[^A-Za-z0-9_.-]", "_", item.name)
            try:
                path = cabinet.shot(f"failed-{name}.png")
                sys.stderr.write(f"\nscreenshot of the failure: {path}\n")
                sys.stderr.write(f"page: {cabinet.driver.current_url}\n")
                for line in cabinet.console_errors():
                    sys.stderr.write(f"console: {line}\n")
            except Exception as error:  # the browser may be gone
                sys.stderr.write(f"\nno screenshot of the failure: {error}\n")


def pytest_runtest_logreport(report):
    counts = getattr(pytest_runtest_logreport, "counts", None)
    if counts is None:
        counts = pytest_runtest_logreport.counts = {"passed": 0, "failed": 0, "skipped": 0}
    if report.when == "call":
        if report.passed:
            counts["passed"] += 1
        elif report.failed:
            counts["failed"] += 1
        elif report.skipped:
            counts["skipped"] += 1
    elif report.failed:  # a setup or teardown error
        counts["failed"] += 1
    elif report.skipped and report.when == "setup":
        counts["skipped"] += 1


def pytest_unconfigure(config):
    counts = getattr(pytest_runtest_logreport, "counts", {"passed": 0, "failed": 0, "skipped": 0})
    line = f"browser: {counts['passed']} passed, {counts['failed']} failed"
    if counts["skipped"]:
        line += f", {counts['skipped']} skipped"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
