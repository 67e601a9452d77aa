"""The account forms, and the one way they read a request: its form fields only."""

from __future__ import annotations

from functools import cache

from flask import request
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

PASSWORD_MIN, PASSWORD_MAX = 8, 128


@cache
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords, from zxcvbn's frequency lists."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def not_common(form, field) -> None:
    """Refuse a password found in the common-passwords list."""
    if field.data and field.data.lower() in common_passwords():
        raise ValidationError("This password is one of the most common ones; choose another.")


def posted_form():
    """The submitted form fields, or None on GET.

    Never JSON and never uploaded files: Flask-WTF would otherwise read a JSON body or a
    file as field values, and a list, an object or a file where text belongs is a crash.
    """
    return request.form if request.method == "POST" else None


class AccountForm(FlaskForm):
    """A form that reads only form fields (see posted_form)."""

    def __init__(self, **kwargs):
        """Bind the form to the posted form fields only."""
        super().__init__(formdata=posted_form(), **kwargs)


def new_password(label: str = "Password") -> PasswordField:
    """A password being chosen: long enough, not too long, not a common one."""
    return PasswordField(
        label, validators=[DataRequired(), Length(min=PASSWORD_MIN, max=PASSWORD_MAX), not_common]
    )


def repeat_password() -> PasswordField:
    """The chosen password again, to catch a typo."""
    return PasswordField(
        "Repeat the password",
        validators=[DataRequired(), EqualTo("password", message="The two passwords differ.")],
    )


def current_password(label: str = "Your password", id: str | None = None) -> PasswordField:
    """The password the account has now (`id` keeps ids unique when forms share a page)."""
    return PasswordField(label, validators=[DataRequired(), Length(max=PASSWORD_MAX)], id=id)


class RegisterForm(AccountForm):
    """A new account: email and a password chosen twice."""

    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = new_password()
    confirm = repeat_password()


class LoginForm(AccountForm):
    """Email, password and whether to stay logged in."""

    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = current_password("Password")
    remember = BooleanField("Keep me logged in on this device", default=False)


class DeleteAccountForm(AccountForm):
    """The current password, to confirm deleting the account."""

    # The account page also shows the change-password form, whose new password is `password`.
    password = current_password(id="delete-password")


class ChangePasswordForm(AccountForm):
    """The current password and a new one, twice."""

    old_password = current_password("Current password")
    password = new_password("New password")
    confirm = repeat_password()


class LogoutEverywhereForm(AccountForm):
    """Only its CSRF token: a click ends every session of the account."""
