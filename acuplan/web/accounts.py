"""Accounts: register, log in, log out, change password, delete. Everything works without one."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db, limiter, login_manager
from ..login_throttle import check_account_password, hash_password, password_matches
from ..models import Record, User, new_session_token
from .accounts_forms import (
    ChangePasswordForm,
    DeleteAccountForm,
    LoginForm,
    LogoutEverywhereForm,
    RegisterForm,
)
from .caching import CachePolicy, cache_blueprint
from .errors import json_error, wants_json

bp = Blueprint("accounts", __name__, url_prefix="/account")
NO_MATCH = "That email and password don’t match an account."
BLOCKED = "Too many wrong passwords for this account: wait a few minutes and try again."
ALREADY = "There is already an account with this email: log in."
# Account pages show whose account it is: no browser or worker cache may keep them.
cache_blueprint(bp, CachePolicy.PERSONAL)


def init_accounts(app) -> None:
    """Bind Flask-Login and the per-address limiter to the app."""
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    # "basic": an anonymous session (holding only a CSRF token) is left alone; "strong"
    # rewrote it on every request, and a concurrent response could undo a fresh login.
    login_manager.session_protection = "basic"
    limiter.init_app(app)


def limit(setting: str):
    """Flask-Limiter's per-address limit for POSTs, read from a config setting."""
    return limiter.limit(lambda: current_app.config[setting], methods=["POST"])


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    """The account whose current session token the cookie carries, if any still has it."""
    return db.session.scalar(select(User).where(User.session_token == session_token))


@login_manager.unauthorized_handler
def unauthorized():
    """Log in first: a JSON 401 for the API, the login page (then back) for pages."""
    if wants_json():
        return json_error(401, "Log in to sync.")
    return redirect(url_for("accounts.login", next=request.path))


def start_session(user: User, remember: bool) -> None:
    """A fresh session for the logged-in person: nothing carried over from before."""
    session.clear()
    login_user(user, remember=remember)


def end_session() -> None:
    """Forget the login on this device: its session and its remember-me cookie."""
    session.clear()
    logout_user()  # after clear(): it leaves the note that removes the remember-me cookie


def rotate_session_token(user: User) -> None:
    """Invalidate every session and remember-me cookie issued to this account so far."""
    user.session_token = new_session_token()
    db.session.commit()


def find_user(email: str) -> User | None:
    """The account with this email, whatever the case of either."""
    return db.session.scalar(select(User).where(func.lower(User.email) == func.lower(email)))


def render_account(status: int = 200, **forms):
    """The account page, with any form given in place of a blank one."""
    forms.setdefault("delete_form", DeleteAccountForm())
    forms.setdefault("password_form", ChangePasswordForm())
    forms.setdefault("everywhere_form", LogoutEverywhereForm())
    welcome = request.args.get("welcome")
    return render_template("accounts/account.html", welcome=welcome, **forms), status


@bp.route("/register", methods=["GET", "POST"])
@limit("REGISTER_LIMIT")
def register():
    """Create an account and log in on this device."""
    form = RegisterForm()
    if form.validate_on_submit():
        email = form.email.data.strip()
        user = User(email=email, password_hash=hash_password(form.password.data))
        if find_user(email):
            form.email.errors.append(ALREADY)
        else:
            db.session.add(user)
            try:
                db.session.commit()
            except IntegrityError:
                # Another sign-up with this address (in any case) committed first.
                db.session.rollback()
                form.email.errors.append(ALREADY)
            else:
                start_session(user, remember=False)
                return redirect(url_for("accounts.account", welcome=1))
    status = 400 if form.errors else 200
    return render_template("accounts/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limit("LOGIN_LIMIT")
def login():
    """Log in, with a throttle per account against guessed passwords."""
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user = find_user(form.email.data.strip())
        outcome = (
            check_account_password(user, form.password.data)
            if user
            else password_matches(None, form.password.data)
        )
        if outcome:
            start_session(user, remember=form.remember.data)
            return redirect(url_for("accounts.account"))
        form.password.errors.append(BLOCKED if outcome is None else NO_MATCH)
        status = 429 if outcome is None else 400
    elif form.errors:
        status = 400
    return render_template("accounts/login.html", form=form), status


@bp.get("")
def account():
    """The account page: who is logged in, or how the app works without an account."""
    return render_account()


@bp.post("/logout")
@login_required
def logout():
    """Log out on this device (its session token rotates, so copies stop working)."""
    # The device removes its copy of the account's data first (see logout-guard.js).
    rotate_session_token(current_user)
    end_session()
    return redirect(url_for("accounts.account"))


@bp.post("/logout-everywhere")
@login_required
@limit("ACCOUNT_CHANGE_LIMIT")
def logout_everywhere():
    """End every session of the account, on every device."""
    form = LogoutEverywhereForm()
    if not form.validate_on_submit():
        return render_account(400, everywhere_form=form)
    rotate_session_token(current_user)
    end_session()
    flash("You are logged out on every device.")
    return redirect(url_for("accounts.account"))


@bp.post("/password")
@login_required
@limit("ACCOUNT_CHANGE_LIMIT")
def change_password():
    """Change the password; every other device is logged out."""
    form = ChangePasswordForm()
    if not form.validate_on_submit():
        return render_account(400, password_form=form)
    outcome = check_account_password(current_user, form.old_password.data)
    if not outcome:
        wrong = BLOCKED if outcome is None else "That is not your password."
        form.old_password.errors.append(wrong)
        return render_account(429 if outcome is None else 400, password_form=form)
    user = current_user._get_current_object()
    user.password_hash = hash_password(form.password.data)
    rotate_session_token(user)
    remembered = request.cookies.get(current_app.config["REMEMBER_COOKIE_NAME"])
    start_session(user, remember=bool(remembered))
    flash("Your password is changed; every other device is logged out.")
    return redirect(url_for("accounts.account"))


@bp.post("/delete")
@login_required
@limit("ACCOUNT_CHANGE_LIMIT")
def delete_account():
    """Delete the account and every record stored with it."""
    form = DeleteAccountForm()
    outcome = form.validate_on_submit() and check_account_password(current_user, form.password.data)
    if not outcome:
        flash(BLOCKED if outcome is None else "That password is not right; nothing is deleted.")
        return render_account(429 if outcome is None else 400, delete_form=form)
    user_id = current_user.id
    end_session()
    db.session.execute(delete(Record).where(Record.user_id == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
    flash("Your account and everything stored with it on our server are deleted.")
    return redirect(url_for("accounts.account"))
