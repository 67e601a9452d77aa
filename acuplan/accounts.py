"""Accounts: register, log in, log out, delete. Optional: everything works without one."""

from __future__ import annotations

from functools import cache

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
from flask_wtf import FlaskForm
from sqlalchemy import delete, func, select
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from .errors import wants_json
from .extensions import db, limiter, login_manager
from .models import Record, User

bp = Blueprint("accounts", __name__, url_prefix="/account")
PASSWORD_MIN, PASSWORD_MAX = 8, 128


@cache
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords, from zxcvbn's frequency lists."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def not_common(form, field) -> None:
    if field.data and field.data.lower() in common_passwords():
        raise ValidationError("This password is one of the most common ones; choose another.")


class RegisterForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(min=PASSWORD_MIN, max=PASSWORD_MAX), not_common],
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[DataRequired(), EqualTo("password", message="The two passwords differ.")],
    )


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=PASSWORD_MAX)])


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Your password", validators=[DataRequired(), Length(max=PASSWORD_MAX)])


def init_accounts(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    # "basic": an anonymous session (holding only a CSRF token) is left alone; "strong"
    # rewrote it on every request, and a concurrent response could undo a fresh login.
    login_manager.session_protection = "basic"
    limiter.init_app(app)


@bp.after_request
def never_cached(response):
    """Account pages show whose account it is: no browser or worker cache may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


@login_manager.unauthorized_handler
def unauthorized():
    if wants_json():
        return {"error": "Unauthorized", "message": "Log in to sync."}, 401
    return redirect(url_for("accounts.login", next=request.path))


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def start_session(user: User) -> None:
    """A fresh session for the logged-in person: nothing carried over from before."""
    session.clear()
    login_user(user, remember=True)


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        email = form.email.data.strip()
        if find_user(email):
            form.email.errors.append("There is already an account with this email: log in.")
        else:
            user = User(email=email, password_hash=hash_password(form.password.data))
            db.session.add(user)
            db.session.commit()
            start_session(user)
            return redirect(url_for("accounts.account", welcome=1))
    status = 400 if form.errors else 200
    return render_template("accounts/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT"], methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data.strip())
        if user and check_password_hash(user.password_hash, form.password.data):
            start_session(user)
            return redirect(url_for("accounts.account"))
        form.password.errors.append("That email and password don’t match an account.")
    status = 400 if form.errors else 200
    return render_template("accounts/login.html", form=form), status


@bp.get("")
def account():
    return render_template(
        "accounts/account.html",
        delete_form=DeleteAccountForm(),
        welcome=request.args.get("welcome"),
    )


@bp.post("/logout")
@login_required
def logout():
    # The device removes its copy of the account's data first (see sync-client.js).
    session.clear()
    logout_user()  # after clear(): it leaves the note that removes the remember-me cookie
    return redirect(url_for("accounts.account"))


@bp.post("/delete")
@login_required
def delete_account():
    form = DeleteAccountForm()
    if not form.validate_on_submit() or not check_password_hash(
        current_user.password_hash, form.password.data
    ):
        flash("That password is not right; your account is unchanged.")
        return render_template("accounts/account.html", delete_form=form), 400
    user_id = current_user.id
    session.clear()
    logout_user()
    db.session.execute(delete(Record).where(Record.user_id == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
    flash("Your account and everything stored with it on our server are deleted.")
    return redirect(url_for("accounts.account"))
