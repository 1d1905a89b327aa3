//! Outgoing mail over SMTP (lettre): exports as attachments, staff invitations. Nothing is
//! reported as sent that the server did not accept.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Message, SmtpTransport, Transport};

/// Why mail could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// `DELTAG_SMTP_URL` is not set.
    #[error(
        "mail is not set up: set DELTAG_SMTP_URL (e.g. smtp://user:pass@host:587?tls=required)"
    )]
    NotConfigured,
    /// The URL or an address is wrong.
    #[error("mail settings are wrong: {0}")]
    Settings(String),
    /// The server refused or could not be reached.
    #[error("the mail server did not accept the message: {0}")]
    Refused(String),
}

/// A configured sender.
#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

/// A file to attach.
pub struct Attached<'a> {
    /// File name.
    pub name: &'a str,
    /// MIME type.
    pub content_type: &'a str,
    /// Bytes.
    pub bytes: Vec<u8>,
}

impl Mailer {
    /// From the settings: `None` URL means mail is not set up. `smtp://` with `?tls=required`
    /// uses STARTTLS, `smtps://` TLS from the start.
    pub fn new(smtp_url: Option<&str>, from: &str) -> Result<Mailer, MailError> {
        let url = smtp_url.filter(|u| !u.trim().is_empty()).ok_or(MailError::NotConfigured)?;
        let transport = SmtpTransport::from_url(url)
            .map_err(|e| MailError::Settings(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from: Mailbox =
            from.parse().map_err(|e| MailError::Settings(format!("sender {from:?}: {e}")))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message to every recipient. Blocking: call from the blocking pool.
    pub fn send(
        &self, to: &[String], subject: &str, text: &str, attachment: Option<Attached<'_>>,
    ) -> Result<(), MailError> {
        if to.is_empty() {
            return Err(MailError::Settings("no recipients".into()));
        }
        let mut builder = Message::builder().from(self.from.clone()).subject(subject);
        for address in to {
            let mailbox: Mailbox =
                address.parse().map_err(|e| MailError::Settings(format!("{address:?}: {e}")))?;
            builder = builder.to(mailbox);
        }
        let body = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text.to_owned());
        let message = match attachment {
            Some(a) => {
                let ct = ContentType::parse(a.content_type)
                    .map_err(|e| MailError::Settings(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(body)
                        .singlepart(Attachment::new(a.name.to_owned()).body(a.bytes, ct)),
                )
            }
            None => builder.singlepart(body),
        }
        .map_err(|e| MailError::Settings(e.to_string()))?;
        self.transport.send(&message).map(|_| ()).map_err(|e| MailError::Refused(e.to_string()))
    }
}
