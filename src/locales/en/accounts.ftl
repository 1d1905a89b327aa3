# Accounts: password rules, forgotten passwords, invitation links.
error-password-invisible = The password must not be only spaces or contain invisible characters
error-password-common = The password is too easy to guess. Try, for example, four words you can remember, with spaces between them
login-forgot-link = Forgot your password?
forgot-title = Forgotten password
forgot-intro = Type the e-mail address you log in with. We will send a link where you can choose a new password. The link works for one hour.
forgot-send = Send me a link
forgot-sent = If the address belongs to an account, we have sent a mail with a link. Look in your spam folder too. The link works for one hour.
forgot-no-mail = deltag cannot send mail yet. Ask an admin for a new link to choose a password.
forgot-back = Back to log in
forgot-mail-subject = Choose a new password for deltag
forgot-mail-body = Hello { $name }

    Someone asked for a new password for your deltag account. If it was you, open the link and choose a new one:

    { $link }

    The link works for one hour and only once. If it was not you, ignore this mail. Your password is unchanged.
invite-copy = Copy the link
invite-copied = The link is copied.
invite-link-label = Link for { $name }
login-password-changed = Your new password is saved. Log in with it and the code from your app.
