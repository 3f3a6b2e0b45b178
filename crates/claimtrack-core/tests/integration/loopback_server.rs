//! A real HTTP/1.1 server on 127.0.0.1 for the fetch and feed tests: a `TcpListener` in a
//! thread that answers each request from a routing function the test gives, one thread
//! per connection so that a deliberately slow answer holds up nothing else. It closes
//! every connection after one answer, records each request line and `User-Agent`, and
//! stops when dropped. The CLI's tests include this same file.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One answer the server gives.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Waits this long before answering anything (for timeout tests).
    pub delay: Duration,
    /// Leaves out `Content-Length`, so the body ends when the connection closes.
    pub without_length: bool,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            without_length: false,
        }
    }

    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply {
            headers: vec![("Location".into(), location.into())],
            ..Reply::new(status, "text/plain", "moved")
        }
    }

    pub fn not_found() -> Reply {
        Reply::new(404, "text/html", "<h1>Not here</h1>")
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    pub fn without_length(mut self) -> Reply {
        self.without_length = true;
        self
    }
}

/// A server on an ephemeral loopback port; stops when dropped.
pub struct LoopbackServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    accept_thread: Option<JoinHandle<()>>,
    requests: Arc<Mutex<Vec<String>>>,
    user_agents: Arc<Mutex<Vec<String>>>,
}

impl LoopbackServer {
    /// Serves `route(path)` for every request (the path includes any query string).
    pub fn start(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> LoopbackServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let address = listener.local_addr().expect("local address");
        let stopping = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let user_agents = Arc::new(Mutex::new(Vec::new()));
        let route = Arc::new(route);
        let accept_thread = {
            let stopping = Arc::clone(&stopping);
            let requests = Arc::clone(&requests);
            let user_agents = Arc::clone(&user_agents);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let route = Arc::clone(&route);
                    let requests = Arc::clone(&requests);
                    let user_agents = Arc::clone(&user_agents);
                    std::thread::spawn(move || {
                        answer(stream, route.as_ref(), &requests, &user_agents);
                    });
                }
            })
        };
        LoopbackServer {
            address,
            stopping,
            accept_thread: Some(accept_thread),
            requests,
            user_agents,
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The paths requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    pub fn user_agents(&self) -> Vec<String> {
        self.user_agents.lock().unwrap().clone()
    }
}

impl Drop for LoopbackServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // The accept loop is blocked in accept(); one more connection wakes it to stop.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.accept_thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(
    mut stream: TcpStream,
    route: &(dyn Fn(&str) -> Reply + Send + Sync),
    requests: &Mutex<Vec<String>>,
    user_agents: &Mutex<Vec<String>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => head.extend_from_slice(&buffer[..read]),
        }
        // Something that is not HTTP (a TLS handshake, say) gets an answer at once.
        if !head.starts_with(b"GET ") && !head.starts_with(b"HEAD ") && head.len() >= 4 {
            break;
        }
    }
    let text = String::from_utf8_lossy(&head).to_string();
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let reply = match (parts.next(), parts.next()) {
        (Some("GET"), Some(path)) => {
            requests.lock().unwrap().push(path.to_string());
            if let Some(agent) = lines.find_map(|line| {
                line.split_once(':')
                    .filter(|(name, _)| name.eq_ignore_ascii_case("user-agent"))
                    .map(|(_, value)| value.trim().to_string())
            }) {
                user_agents.lock().unwrap().push(agent);
            }
            route(path)
        }
        _ => Reply::new(400, "text/plain", "bad request"),
    };
    if !reply.delay.is_zero() {
        std::thread::sleep(reply.delay);
    }
    let mut response = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    if !reply.without_length {
        response.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    response.push_str("Connection: close\r\n\r\n");
    // The client may have given up already (timeout and size tests); that is fine.
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.write_all(&reply.body);
    let _ = stream.flush();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
