//! The connections of `serve`, bounded in threads, time and memory. One
//! thread, the door, accepts connections, reads request heads and writes
//! answers, stepping every open connection in turn without ever blocking on
//! one; a fixed pool of workers turns complete heads into answers. So a
//! client that sends its head a byte at a time, or reads its answer slowly,
//! holds only a slot of the door, never a thread, and the listener never
//! needs a thread that the system could refuse.
//!
//! The standard library has no `poll`: when no connection moved in a pass,
//! the door naps (at most [`MAX_NAP`], waking at once for an answer of a
//! worker); with no connection open it waits in `accept`.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::ops::Range;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::request::{scan, Refusal, Scan};

/// Longest nap of the door between two passes that moved nothing: the
/// longest a new connection waits to be accepted while others are open.
pub const MAX_NAP: Duration = Duration::from_millis(5);
/// Bytes of a file read and written at a time: what a slow client makes
/// the server hold.
const CHUNK: usize = 64 * 1024;
/// Bytes written to one connection in one pass, so that a fast client of a
/// big file does not delay the others.
const PASS_BYTES: usize = 4 * CHUNK;
/// Bytes read and thrown away after an answer, before closing: the rest of
/// a refused request, so that the close does not reset the connection
/// before the client has read the answer.
const DRAIN_BYTES: usize = 4 << 20;

/// The bounds of the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Threads answering complete heads.
    pub workers: usize,
    /// Connections the door holds at once; a new one past this closes the
    /// one that has waited longest without progress.
    pub connections: usize,
    /// Time from connecting to the end of the head: past it, 408 (or a
    /// silent close when nothing came, as browsers open spare connections).
    pub head_time: Duration,
    /// Time an answer may wait for the client to read more of it.
    pub stall: Duration,
    /// Time spent draining what the client still sends after an answer.
    pub linger: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            workers: 4,
            connections: 256,
            head_time: Duration::from_secs(10),
            stall: Duration::from_secs(10),
            linger: Duration::from_secs(2),
        }
    }
}

/// The body of an answer.
#[derive(Debug)]
pub enum Body {
    /// None (HEAD, 416, an event stream's head).
    Empty,
    /// A part of bytes held in memory.
    Memory(Arc<[u8]>, Range<usize>),
    /// `len` bytes of an open file from where it stands, read as written.
    File(File, u64),
}

/// An answer to write.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    /// The `Content-Length`: the body's length, also for HEAD.
    pub len: u64,
    pub body: Body,
    /// An event stream: no length, and the connection is handed to
    /// [`Handler::subscribe`] once the head is written.
    pub stream: bool,
}

impl Reply {
    /// A short plain-text answer with `status`.
    pub fn text(status: u16, text: &str) -> Reply {
        let bytes: Arc<[u8]> = Arc::from(text.as_bytes());
        Reply {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            len: bytes.len() as u64,
            body: Body::Memory(bytes.clone(), 0..bytes.len()),
            stream: false,
        }
    }

    /// The answer to a refused request.
    pub fn refused(r: &Refusal) -> Reply {
        let (status, reason) = r.status();
        let mut reply = Reply::text(
            status,
            &match r {
                Refusal::ForeignHost(_) | Refusal::ForeignOrigin(_) | Refusal::NoHost => {
                    format!("{status} {reason}: bantin serve answers only this machine's pages\n")
                }
                _ => format!("{status} {reason}\n"),
            },
        );
        if *r == Refusal::Method {
            reply.headers.push(("Allow", "GET, HEAD".into()));
        }
        reply
    }

    /// The status line and headers, `Connection: close` always: one request
    /// per connection keeps the door's states few.
    fn head(&self) -> Vec<u8> {
        let mut h = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            h.push_str(&format!("{name}: {value}\r\n"));
        }
        if !self.stream {
            h.push_str(&format!("Content-Length: {}\r\n", self.len));
        }
        h.push_str("Connection: close\r\n\r\n");
        h.into_bytes()
    }
}

/// The reason phrase of a status this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Internal Server Error",
    }
}

/// What the server asks of the site it serves.
pub trait Handler: Send + Sync + 'static {
    /// The answer to a complete request head (as [`scan`] delimits it).
    fn answer(&self, head: &[u8]) -> Reply;
    /// Takes an event stream whose head is written (non-blocking socket).
    fn subscribe(&self, stream: TcpStream);
    /// `accept` failed (too many open files): the door tries again.
    fn accept_failed(&self, error: &io::Error);
}

/// Starts the door and the workers on `listener`; they run until the
/// process ends. Fails only if the system refuses the threads now, at the
/// start: none is made later.
pub fn start<H: Handler>(listener: TcpListener, handler: Arc<H>, limits: Limits) -> io::Result<()> {
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Conn>(limits.workers * 4);
    let (done_tx, done_rx) = mpsc::channel::<Conn>();
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    for i in 0..limits.workers {
        let (jobs, done, handler) = (jobs_rx.clone(), done_tx.clone(), handler.clone());
        std::thread::Builder::new()
            .name(format!("serve-worker-{i}"))
            .spawn(move || work(&jobs, &done, &*handler))?;
    }
    drop(done_tx);
    std::thread::Builder::new()
        .name("serve-door".into())
        .spawn(move || {
            let mut door = Door {
                listener,
                handler,
                limits,
                conns: Vec::new(),
                jobs: jobs_tx,
                done: done_rx,
                outstanding: 0,
            };
            // A bug met on one connection must not leave the process up
            // with nobody at the door: drop the open connections, go on.
            while std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| door.run())).is_err() {
                door.conns.clear();
            }
        })?;
    Ok(())
}

/// One open connection held by the door (or by a worker, for a moment).
#[derive(Debug)]
struct Conn {
    stream: TcpStream,
    /// When it connected (reading the head), else when it last moved.
    since: Instant,
    state: ConnState,
}

#[derive(Debug)]
enum ConnState {
    /// Reading the head; the bytes so far.
    Head(Vec<u8>),
    /// A whole head waiting for a worker.
    Ready(Vec<u8>),
    /// Writing an answer.
    Write(Out),
    /// Answered: reading what the client still sends, until it closes.
    Linger { until: Instant, drained: usize },
}

/// An answer being written: `pending[at..]`, then the rest of the body.
#[derive(Debug)]
struct Out {
    pending: Vec<u8>,
    at: usize,
    rest: Body,
    stream: bool,
}

impl Out {
    fn new(reply: Reply) -> Out {
        Out {
            pending: reply.head(),
            at: 0,
            stream: reply.stream,
            rest: reply.body,
        }
    }
}

/// What a pass did with a connection.
enum Step {
    Keep(Conn, bool),
    ToWorker(Conn),
    /// Closed, or handed over as an event stream.
    Gone,
}

fn work<H: Handler>(jobs: &Mutex<Receiver<Conn>>, done: &Sender<Conn>, handler: &H) {
    loop {
        let job = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(mut conn) = job else { return };
        let ConnState::Ready(head) = &conn.state else {
            continue;
        };
        // A bug in answering one request must not take a worker away.
        let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler.answer(head)))
            .unwrap_or_else(|_| Reply::text(500, "500 Internal Server Error\n"));
        conn.state = ConnState::Write(Out::new(reply));
        conn.since = Instant::now();
        if done.send(conn).is_err() {
            return;
        }
    }
}

struct Door<H: Handler> {
    listener: TcpListener,
    handler: Arc<H>,
    limits: Limits,
    conns: Vec<Conn>,
    jobs: SyncSender<Conn>,
    done: Receiver<Conn>,
    /// Connections at the workers.
    outstanding: usize,
}

impl<H: Handler> Door<H> {
    fn run(&mut self) {
        let mut nap = Duration::from_micros(250);
        loop {
            if self.conns.is_empty() && self.outstanding == 0 {
                // Nothing to step: wait for a connection.
                let _ = self.listener.set_nonblocking(false);
                let got = self.listener.accept();
                let _ = self.listener.set_nonblocking(true);
                match got {
                    Ok((s, _)) => self.admit(s),
                    Err(e) => self.accept_failed(&e),
                }
            }
            let mut moved = self.accept_waiting();
            while let Ok(conn) = self.done.try_recv() {
                self.outstanding -= 1;
                self.conns.push(conn);
                moved = true;
            }
            moved |= self.pass();
            if moved {
                nap = Duration::from_micros(250);
            } else {
                match self.done.recv_timeout(nap) {
                    Ok(conn) => {
                        self.outstanding -= 1;
                        self.conns.push(conn);
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    // Every worker is gone: nothing can be answered.
                    Err(RecvTimeoutError::Disconnected) => return,
                }
                nap = (nap * 2).min(MAX_NAP);
            }
        }
    }

    /// Accepts every connection waiting; whether there was one.
    fn accept_waiting(&mut self) -> bool {
        let mut any = false;
        loop {
            match self.listener.accept() {
                Ok((s, _)) => {
                    self.admit(s);
                    any = true;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return any,
                Err(e) => {
                    self.accept_failed(&e);
                    return any;
                }
            }
        }
    }

    fn accept_failed(&self, e: &io::Error) {
        // A client that gave up before being accepted is nothing to report.
        if matches!(
            e.kind(),
            io::ErrorKind::ConnectionAborted | io::ErrorKind::Interrupted
        ) {
            return;
        }
        self.handler.accept_failed(e);
        // Out of file descriptors: the waiting connection stays queued, so
        // trying again at once would spin.
        std::thread::sleep(Duration::from_millis(100));
    }

    /// Takes a new connection, closing the one that has waited longest
    /// without progress when the door is full.
    fn admit(&mut self, stream: TcpStream) {
        if stream.set_nonblocking(true).is_err() {
            return;
        }
        let _ = stream.set_nodelay(true);
        if self.conns.len() >= self.limits.connections {
            if let Some(oldest) = (0..self.conns.len()).min_by_key(|&i| self.conns[i].since) {
                self.conns.swap_remove(oldest);
            }
        }
        self.conns.push(Conn {
            stream,
            since: Instant::now(),
            state: ConnState::Head(Vec::new()),
        });
    }

    /// Steps every connection once; whether any moved.
    fn pass(&mut self) -> bool {
        let now = Instant::now();
        let mut moved = false;
        let mut full = false;
        for conn in std::mem::take(&mut self.conns) {
            match step(conn, now, &self.limits, &*self.handler) {
                Step::Keep(c, m) => {
                    moved |= m;
                    self.conns.push(c);
                }
                Step::ToWorker(c) if full => self.conns.push(c),
                Step::ToWorker(c) => {
                    // A head that waits for a busy pool is no progress: the
                    // door naps until a worker answers.
                    match self.jobs.try_send(c) {
                        Ok(()) => {
                            moved = true;
                            self.outstanding += 1;
                        }
                        Err(TrySendError::Full(c)) => {
                            full = true;
                            self.conns.push(c);
                        }
                        Err(TrySendError::Disconnected(_)) => {}
                    }
                }
                Step::Gone => moved = true,
            }
        }
        moved
    }
}

/// One step of one connection, never blocking.
fn step<H: Handler>(mut conn: Conn, now: Instant, limits: &Limits, handler: &H) -> Step {
    match &mut conn.state {
        ConnState::Head(buf) => {
            let mut moved = false;
            let mut chunk = [0u8; 4096];
            loop {
                match conn.stream.read(&mut chunk) {
                    Ok(0) => return Step::Gone,
                    Ok(n) => {
                        moved = true;
                        buf.extend_from_slice(&chunk[..n]);
                        match scan(buf) {
                            Scan::Incomplete => continue,
                            Scan::Complete(end) => {
                                buf.truncate(end);
                                let head = std::mem::take(buf);
                                conn.state = ConnState::Ready(head);
                                return Step::ToWorker(conn);
                            }
                            Scan::Refused(r) => {
                                conn.state = ConnState::Write(Out::new(Reply::refused(&r)));
                                conn.since = now;
                                return Step::Keep(conn, true);
                            }
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => return Step::Gone,
                }
            }
            if now.duration_since(conn.since) > limits.head_time {
                if buf.is_empty() {
                    return Step::Gone;
                }
                conn.state = ConnState::Write(Out::new(Reply::refused(&Refusal::Timeout)));
                conn.since = now;
                return Step::Keep(conn, true);
            }
            Step::Keep(conn, moved)
        }
        ConnState::Ready(_) => Step::ToWorker(conn),
        ConnState::Write(out) => match write_some(&mut conn.stream, out) {
            Err(_) => Step::Gone,
            Ok(Written::Done) if out.stream => {
                handler.subscribe(conn.stream);
                Step::Gone
            }
            Ok(Written::Done) => {
                let _ = conn.stream.shutdown(Shutdown::Write);
                conn.state = ConnState::Linger {
                    until: now + limits.linger,
                    drained: 0,
                };
                Step::Keep(conn, true)
            }
            Ok(Written::Some) => {
                conn.since = now;
                Step::Keep(conn, true)
            }
            Ok(Written::Blocked) if now.duration_since(conn.since) > limits.stall => Step::Gone,
            Ok(Written::Blocked) => Step::Keep(conn, false),
        },
        ConnState::Linger { until, drained } => {
            let mut chunk = [0u8; 16 * 1024];
            let mut moved = false;
            loop {
                match conn.stream.read(&mut chunk) {
                    Ok(0) => return Step::Gone,
                    Ok(n) => {
                        moved = true;
                        *drained += n;
                        if *drained > DRAIN_BYTES {
                            return Step::Gone;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => return Step::Gone,
                }
            }
            if now > *until {
                return Step::Gone;
            }
            Step::Keep(conn, moved)
        }
    }
}

enum Written {
    /// All of it.
    Done,
    /// Some, and the socket is full now.
    Some,
    /// Nothing: the socket is full.
    Blocked,
}

/// Writes what the socket takes of `out`, at most [`PASS_BYTES`].
fn write_some(stream: &mut TcpStream, out: &mut Out) -> io::Result<Written> {
    let mut sent = 0;
    loop {
        if sent >= PASS_BYTES {
            return Ok(Written::Some);
        }
        let bytes: &[u8] = if out.at < out.pending.len() {
            &out.pending[out.at..]
        } else {
            match &mut out.rest {
                Body::Empty => return Ok(Written::Done),
                Body::Memory(_, range) if range.start >= range.end => {
                    out.rest = Body::Empty;
                    continue;
                }
                Body::Memory(b, range) => {
                    let part = &b[range.clone()];
                    match stream.write(part) {
                        Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                        Ok(n) => {
                            range.start += n;
                            sent += n;
                            continue;
                        }
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                            return Ok(if sent > 0 {
                                Written::Some
                            } else {
                                Written::Blocked
                            });
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                }
                Body::File(_, 0) => {
                    out.rest = Body::Empty;
                    continue;
                }
                Body::File(file, left) => {
                    // The next chunk, read only once the last one is sent:
                    // a slow client holds one chunk, never the file.
                    let want = (*left).min(CHUNK as u64) as usize;
                    out.pending.resize(want, 0);
                    let n = file.read(&mut out.pending)?;
                    if n == 0 {
                        // Shorter than when it was opened: the length sent
                        // cannot be kept, so the client must see a cut.
                        return Err(io::ErrorKind::UnexpectedEof.into());
                    }
                    out.pending.truncate(n);
                    out.at = 0;
                    *left -= n as u64;
                    continue;
                }
            }
        };
        match stream.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                out.at += n;
                sent += n;
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Ok(if sent > 0 {
                    Written::Some
                } else {
                    Written::Blocked
                });
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Event streams of open tabs, at most `cap`: a new one past it closes the
/// oldest (a tab long closed, most likely).
#[derive(Debug)]
pub struct Streams {
    cap: usize,
    open: Mutex<VecDeque<TcpStream>>,
}

impl Streams {
    pub fn new(cap: usize) -> Streams {
        Streams {
            cap,
            open: Mutex::new(VecDeque::new()),
        }
    }

    pub fn add(&self, stream: TcpStream) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.len() >= self.cap {
            open.pop_front();
        }
        open.push_back(stream);
    }

    /// Sends `text` to every stream, never waiting: a stream whose socket
    /// cannot take it whole at once is closed (its tab does not read).
    pub fn send(&self, text: &str) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        open.retain_mut(|s| matches!(s.write(text.as_bytes()), Ok(n) if n == text.len()));
    }

    /// How many are open.
    pub fn len(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    /// Answers every head with its own bytes; `/events` as a stream.
    struct Echo(Streams);

    impl Handler for Echo {
        fn answer(&self, head: &[u8]) -> Reply {
            if head.starts_with(b"GET /events ") {
                return Reply {
                    status: 200,
                    headers: vec![("Content-Type", "text/event-stream".into())],
                    len: 0,
                    body: Body::Empty,
                    stream: true,
                };
            }
            let bytes: Arc<[u8]> = Arc::from(head);
            Reply {
                status: 200,
                headers: Vec::new(),
                len: bytes.len() as u64,
                body: Body::Memory(bytes.clone(), 0..bytes.len()),
                stream: false,
            }
        }
        fn subscribe(&self, stream: TcpStream) {
            self.0.add(stream);
        }
        fn accept_failed(&self, _: &io::Error) {}
    }

    fn server(limits: Limits) -> (u16, Arc<Echo>) {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let echo = Arc::new(Echo(Streams::new(2)));
        start(listener, echo.clone(), limits).unwrap();
        (port, echo)
    }

    fn quick() -> Limits {
        Limits {
            workers: 2,
            connections: 8,
            head_time: Duration::from_millis(300),
            stall: Duration::from_millis(300),
            linger: Duration::from_millis(100),
        }
    }

    fn read_all(s: &mut TcpStream) -> String {
        read_for(s, Duration::from_secs(5))
    }

    /// What comes until the server closes or `quiet` passes without a byte.
    fn read_for(s: &mut TcpStream, quiet: Duration) -> String {
        s.set_read_timeout(Some(quiet)).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn a_head_is_answered_and_the_connection_closed() {
        let (port, _) = server(quick());
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        s.write_all(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nextra")
            .unwrap();
        let text = read_all(&mut s);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(
            text.contains("Content-Length: 28\r\nConnection: close\r\n\r\n"),
            "{text}"
        );
        assert!(
            text.ends_with("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"),
            "{text}"
        );
    }

    #[test]
    fn a_head_that_does_not_arrive_in_time_is_408_and_silence_is_closed() {
        let (port, _) = server(quick());
        let mut partial = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        partial.write_all(b"GET / HT").unwrap();
        let mut silent = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let started = Instant::now();
        assert!(read_all(&mut partial).starts_with("HTTP/1.1 408 "));
        assert_eq!(read_all(&mut silent), "");
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn more_connections_than_the_door_holds_close_the_oldest() {
        let (port, _) = server(quick());
        let mut held: Vec<TcpStream> = (0..20)
            .map(|_| {
                let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
                s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
                s
            })
            .collect();
        std::thread::sleep(Duration::from_millis(50));
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        s.write_all(b"GET /b HTTP/1.1\r\n\r\n").unwrap();
        assert!(read_all(&mut s).starts_with("HTTP/1.1 200 OK"));
        // The first ones were closed to make room.
        assert_eq!(read_all(&mut held[0]), "");
    }

    #[test]
    fn a_client_that_stops_reading_is_dropped_after_the_stall_time() {
        struct Big;
        impl Handler for Big {
            fn answer(&self, _: &[u8]) -> Reply {
                let bytes: Arc<[u8]> = vec![b'x'; 64 << 20].into();
                Reply {
                    status: 200,
                    headers: Vec::new(),
                    len: bytes.len() as u64,
                    body: Body::Memory(bytes, 0..64 << 20),
                    stream: false,
                }
            }
            fn subscribe(&self, _: TcpStream) {}
            fn accept_failed(&self, _: &io::Error) {}
        }
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        start(listener, Arc::new(Big), quick()).unwrap();
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        // Dropped: what was sent before ends short of 64 MB.
        let mut got = 0usize;
        let mut buf = vec![0u8; 1 << 20];
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        while let Ok(n) = s.read(&mut buf) {
            if n == 0 {
                break;
            }
            got += n;
        }
        assert!(got < 64 << 20, "{got}");
    }

    #[test]
    fn event_streams_are_handed_over_and_capped() {
        let (port, echo) = server(quick());
        let mut tabs: Vec<TcpStream> = (0..3)
            .map(|_| {
                let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
                s.write_all(b"GET /events HTTP/1.1\r\n\r\n").unwrap();
                s
            })
            .collect();
        let started = Instant::now();
        while echo.0.len() < 2 && started.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(echo.0.len(), 2);
        echo.0.send("data: reload\n\n");
        // The two streams kept get the event; the one closed ends.
        let mut told = 0;
        for tab in &mut tabs {
            let text = read_for(tab, Duration::from_millis(500));
            if text.contains("data: reload") {
                assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
                assert!(!text.contains("Content-Length"), "{text}");
                told += 1;
            }
        }
        assert_eq!(told, 2);
    }
}
