//! The one HTTP/1.1 server under every stand-in of the tests and the bench:
//! the static host, the sign-in host, the CDN. Each connection is served on
//! its own task, as a real host serves them, so an idle keep-alive connection
//! never holds back a new one. (tiny_http's thread pool could leave a new
//! connection queued behind idle ones; the browser's request on it then never
//! arrived, and the page waited for `config.json` until it gave up.)

use std::convert::Infallible;
use std::net::TcpListener as StdListener;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;

/// A request as a handler sees it: the body is read in full.
pub struct Request {
    pub method: http::Method,
    /// The path and query, as sent.
    pub url: String,
    /// Read by the bench's CDN (Accept-Encoding) and the stand-in
    /// Microsoft (Origin, Authorization).
    #[allow(dead_code)]
    pub headers: http::HeaderMap,
    pub body: Vec<u8>,
}

/// A response to send whole.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// The value of header `name` set so far.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A server on a free loopback port, stopped when dropped.
pub struct HttpServer {
    pub origin: String,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl HttpServer {
    /// Serves every request with `handler`, which may block (a test holding
    /// a response back): it runs off the tasks that read connections.
    pub fn start<F>(handler: F) -> HttpServer
    where
        F: Fn(Request) -> Reply + Send + Sync + 'static,
    {
        let listener = StdListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let handler = Arc::new(handler);
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(accept(listener, handler, stopped));
            // A response a test never released must not keep the test waiting.
            runtime.shutdown_timeout(Duration::from_millis(100));
        });
        HttpServer {
            origin: format!("http://127.0.0.1:{port}"),
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept<F>(listener: StdListener, handler: Arc<F>, mut stopped: oneshot::Receiver<()>)
where
    F: Fn(Request) -> Reply + Send + Sync + 'static,
{
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    loop {
        let stream = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        let handler = Arc::clone(&handler);
        tokio::spawn(async move {
            let service = service_fn(move |request| answer(Arc::clone(&handler), request));
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer<F>(
    handler: Arc<F>,
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible>
where
    F: Fn(Request) -> Reply + Send + Sync + 'static,
{
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    let request = Request {
        method: parts.method,
        url: parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_string(), |p| p.as_str().to_string()),
        headers: parts.headers,
        body,
    };
    let reply = tokio::task::spawn_blocking(move || handler(request))
        .await
        .unwrap_or_else(|_| Reply::new(500, "the test's handler panicked"));
    let mut response = hyper::Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(name, value);
    }
    Ok(response
        .body(Full::new(Bytes::from(reply.body)))
        .unwrap_or_else(|_| hyper::Response::new(Full::new(Bytes::new()))))
}

/// The `Content-Type` a static host sends for a file name.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}
