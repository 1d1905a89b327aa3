# second_factor
# Two-step verification (issue 17): the code from the app, recovery codes, the account page.

nav-account = Your account
account-title = Your account
account-who = You are logged in as { $name } ({ $email }). Your role: { $role }.

## The code at login

sf-code-title = Enter the code from your app
sf-code-intro = Your password is right. Open the code app on your phone and enter the code it shows for deltag.
sf-code-label = Code from the app
sf-code-hint = 6 digits. The app shows a new code every 30 seconds.
sf-code-button = Log in
sf-use-recovery = Use a recovery code
sf-recovery-intro = Don't have your phone? Enter one of the recovery codes you got when you set up two-step verification. Each code works only once.
sf-recovery-label = Recovery code
sf-recovery-hint = 10 characters, e.g. K7QMX-2XPDA. Capital or small letters are both fine.
sf-recovery-button = Log in with the recovery code
sf-no-phone-no-codes = Have neither your phone nor your codes? Ask an administrator to reset your two-step verification. Then you can set it up again.
sf-code-expired = That took too long. Log in again with your password.
sf-error-code-form = Enter the 6 digits from the app
sf-error-code-wrong = The code is not right. Enter the code the app shows right now.
sf-error-recovery-form = Enter a recovery code of 10 characters
sf-error-recovery-wrong = The recovery code is not right, or it has been used before

## Set up

sf-setup-title = Set up two-step verification
sf-setup-title-new-phone = Set up a new phone
sf-setup-intro-admin = As an administrator you need a code from your phone when you log in. Then nobody gets in with your password alone. It takes a few minutes to set up.
sf-setup-intro-required = Your account needs two-step verification: a code from your phone when you log in. Then nobody gets in with your password alone. It takes a few minutes to set up.
sf-setup-intro = With two-step verification you also enter a code from your phone when you log in. Then nobody gets in with your password alone.
sf-setup-intro-new-phone = Once you have entered a code from the new phone, the old one stops working. You also get new recovery codes.
sf-step-app = 1. Get a code app
sf-step-app-text = If you have no code app on your phone, get a free one. For example Microsoft Authenticator, Google Authenticator or FreeOTP.
sf-step-scan = 2. Scan the QR code
sf-step-scan-text = Open the app and choose to add an account. Then scan the QR code with the phone's camera.
sf-qr-alt = QR code for your app. If you cannot scan it, use the code of letters and digits below it.
sf-step-type-text = Cannot scan? Choose to enter a key in the app instead, and enter:
sf-step-type-hint = The spaces only make it easier to read. If the app asks, choose "time-based".
sf-step-confirm = 3. Enter the code from the app
sf-step-confirm-hint = 6 digits. The app now shows a code for deltag. It changes every 30 seconds.
sf-setup-button = Turn on two-step verification
sf-error-setup-wrong = The code is not right. Check that you scanned the QR code on this page, and enter the code the app shows right now.

## Recovery codes

sf-enabled-title = Two-step verification is on
sf-enabled-text = Next time you log in, you enter a code from the app after your password.
sf-new-codes-title = New recovery codes
sf-codes-heading = Your recovery codes
sf-codes-text = If you lose your phone, you can log in with one of these codes instead. Each code works once.
sf-codes-once = You can only see the codes here and now. Write them down or print the page, and keep them somewhere safe – not on the phone.
sf-codes-print = To print the page: press Ctrl+P (on a Mac: Cmd+P).
sf-continue = Continue

## Your account

sf-recovery-used = { $count ->
    [one] You logged in with a recovery code. You have 1 code left.
   *[other] You logged in with a recovery code. You have { $count } codes left.
}
sf-recovery-used-lost = If you lost your phone, set up a new phone here. If you are running out of codes, make new ones.
sf-account-heading = Two-step verification
sf-account-on = Two-step verification has been on since { $date }.
sf-account-codes-left = { $count ->
    [one] You have 1 unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
sf-account-new-phone = Set up a new phone
sf-account-new-codes-heading = New recovery codes
sf-account-new-codes-text = If you have used or lost your codes, make ten new ones. The old ones stop working.
sf-account-new-codes-button = Make new recovery codes
sf-account-off = Two-step verification is off. With it, you also enter a code from your phone when you log in. Then nobody gets in with your password alone.
sf-account-turn-on = Turn on two-step verification

## Users (administrators)

sf-users-on = Two-step verification
sf-reset = Reset two-step verification
sf-reset-warning = Only do this if { $name } has lost their phone and their recovery codes. { $name } is logged out, and the old phone and old codes stop working. If the role requires two-step verification, { $name } sets it up again at the next login.
sf-reset-confirm = Yes, reset for { $name }
notice-second-factor-reset = Two-step verification is reset, and the person is logged out.
