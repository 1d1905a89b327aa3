# deltag — English.

## Shell
skip-to-content = Skip to content
footer-text = deltag · Council for Socially Marginalised People
progress = Question { $current } of { $total }

## Front page
home-title = Welcome to deltag
home-intro = Here you answer questions from the workshops of the participation track. Use the QR code or the link you got at the workshop.
home-staff-link = Staff log in

## Errors
error-prefix = Error:
error-summary-title = There is a problem
error-home-link = Go to the front page
error-400-title = We could not read what you sent
error-400-text = Go back and try again.
error-403-title = You do not have access to this page
error-403-text = Your role does not give access to this page. Ask an administrator if you need it.
error-csrf-title = The page was too old
error-csrf-text = For your security we could not save. Go back, reload the page and try again. Cookies must be switched on.
error-404-title = Page not found
error-404-text = Check the address. The link may be wrong or too old.
error-410-title = This page no longer exists
error-410-text = What you are looking for has closed.
error-413-title = What you sent is too long
error-413-text = Go back, make the text shorter and try again.
error-429-title = Too many attempts
error-429-text = Wait a little, then try again.
error-500-title = Something went wrong on our side
error-500-text = It is not your fault. Try again in a moment.
error-503-title = deltag cannot answer right now
error-503-text = We cannot reach the database. Try again in a moment.

## Fields
field-email = Email address
field-password = Password
field-new-password = New password
field-confirm-password = Type the password again
field-name = Name
field-role = Role
password-hint = At least { $min } characters. A sentence you can remember works well.
error-name = Enter a name of at most 100 characters
error-email = Enter an email address like name@example.com
error-email-taken = There is already a user with that email address
error-password-short = The password must be at least { $min } characters
error-password-long = The password must be at most 256 characters
error-password-mismatch = The two passwords are not the same

## Roles and status
role-admin = Administrator
role-facilitator = Facilitator
role-viewer = Viewer
status-draft = Draft
status-open = Open
status-closed = Closed
status-archived = Archived

## Log in
login-title = Log in
login-intro = For staff only. Participants do not log in.
login-button = Log in
login-logged-out = You are logged out.
login-error-email-missing = Enter your email address
login-error-password-missing = Enter your password
login-error-wrong = The email address or password is wrong
login-error-throttled = Too many wrong attempts. Try again in { $minutes } minutes.

## Set-up and invitation
setup-title-first = Create the first administrator
setup-title-invited = Choose your password
setup-intro-first = There are no users yet. You become administrator and can invite others afterwards.
setup-intro-invited = Welcome, { $name }. You log in with { $email }.
setup-button = Save and log in

## Navigation
nav-label = Main menu
nav-overview = Overview
nav-users = Users
nav-logout = Log out

## Overview
dashboard-title = Overview
dashboard-empty = There are no participation tracks yet.
topic-prefix = Topic:
topic-no-workshops = No workshops yet.
join-code = Code:

## Users
users-title = Users
users-status = Status
users-actions = Actions
users-you = This is you
users-role-for = Role for { $name }
users-change-role = Change role
users-disable = Disable
users-enable = Enable
users-new-link = New invitation link
users-add-title = Add a user
users-add-intro = The user gets a link where they choose their own password. The link works for 7 days.
users-add-button = Add user
users-done-role = The role has been changed.
users-done-disable = The user is disabled and logged out.
users-done-enable = The user is enabled again.
user-status-active = Active
user-status-invited = Invited
user-status-disabled = Disabled
invite-link-title = Invitation link for { $name }
invite-link-text = Send the link to the person. It is shown only this once and works for 7 days.
