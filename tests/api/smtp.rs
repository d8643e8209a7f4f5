//! A real SMTP server for the tests, on 127.0.0.1: it speaks enough SMTP for lettre,
//! keeps every message it accepted, and can stop after a number of messages (as a mail
//! server going down mid-way would) and start again on the same port.

use std::sync::{Arc, Mutex};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    task::JoinHandle,
};

/// A running sink.
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl SmtpSink {
    /// Listens on `port` (0 for any) and accepts at most `limit` messages before it
    /// stops listening.
    pub async fn start(port: u16, limit: Option<usize>, messages: Arc<Mutex<Vec<String>>>) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("SMTP port");
        let port = listener.local_addr().expect("address").port();
        let store = Arc::clone(&messages);
        let task = tokio::spawn(async move {
            let mut accepted = 0;
            loop {
                let Ok((socket, _)) = listener.accept().await else { return };
                accepted += serve(socket, &store).await;
                if limit.is_some_and(|limit| accepted >= limit) {
                    // Dropping the listener refuses every further connection.
                    return;
                }
            }
        });
        Self { port, messages, task }
    }

    /// The SMTP URL of this sink (plain SMTP on the loopback interface).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    /// Every message accepted so far, as raw RFC 5322 text.
    pub fn messages(&self) -> Vec<String> {
        self.messages.lock().expect("messages").clone()
    }

    /// Whether the sink stopped listening (its limit was reached).
    pub fn stopped(&self) -> bool {
        self.task.is_finished()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One SMTP session; returns how many messages it accepted.
async fn serve(socket: tokio::net::TcpStream, store: &Mutex<Vec<String>>) -> usize {
    let (reader, mut writer) = socket.into_split();
    let mut lines = BufReader::new(reader);
    let mut accepted = 0;
    if writer.write_all(b"220 sink ESMTP\r\n").await.is_err() {
        return 0;
    }
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return accepted;
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") {
            b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if command.starts_with("DATA") {
            if writer.write_all(b"354 go ahead\r\n").await.is_err() {
                return accepted;
            }
            let mut message = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return accepted;
                }
                if line == ".\r\n" {
                    break;
                }
                // Undo dot-stuffing.
                message.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            store.lock().expect("messages").push(message);
            accepted += 1;
            b"250 queued\r\n"
        } else if command.starts_with("QUIT") {
            let _ = writer.write_all(b"221 bye\r\n").await;
            return accepted;
        } else if ["HELO", "MAIL", "RCPT", "RSET", "NOOP"].iter().any(|c| command.starts_with(c)) {
            b"250 ok\r\n"
        } else {
            b"502 not implemented\r\n"
        };
        if writer.write_all(reply).await.is_err() {
            return accepted;
        }
    }
}
