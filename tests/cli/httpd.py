#!/usr/bin/env python3
"""A web server for tests/cli/web.sh, on 127.0.0.1 only, never the internet.

    httpd.py DIR PORTFILE

serves the routes below on a free port, writes the port to PORTFILE, and
runs until killed. DIR/page.html is the article page.

  /page.html        DIR/page.html as text/html; charset=utf-8
  /latin1.html      DIR/page.html re-encoded as ISO-8859-1, the charset
                    named only by the Content-Type (the page claims none)
  /plain            text/plain
  /md               text/markdown
  /vtt              text/vtt (WebVTT captions)
  /untyped          DIR/page.html with no Content-Type at all
  /moved            302 to /page.html; /moved3 three hops, then /page.html
  /loop             302 to itself, forever
  /to-file          302 to file:///etc/passwd
  /missing          404; /broken 500
  /image            image/png
  /big              a 70 MB text/plain body (over precis's 64 MB limit)
  /agent            echoes the User-Agent header as text/plain
"""
import http.server
import os
import sys

DIR = sys.argv[1]
PLAIN = ("Plain text arrives as plain text. The server says so in its "
         "header, and precis reads it that way.\n")
VTT = ("WEBVTT\n\n00:00.000 --> 00:02.000\nCaptions served as text/vtt\n\n"
       "00:02.000 --> 00:04.000\nare read as the talk they caption.\n")
MD = ("# A Markdown Note\n\nThe *markup* of a Markdown reply is dropped, "
      "and its heading is its title.\n")


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, ctype, body, headers=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def page(self):
        with open(os.path.join(DIR, "page.html"), "rb") as f:
            return f.read()

    def do_GET(self):
        path = self.path
        if path == "/page.html":
            self.reply(200, "text/html; charset=utf-8", self.page())
        elif path == "/latin1.html":
            body = self.page().decode("utf-8").replace(
                '<meta charset="utf-8">', "").encode("iso-8859-1")
            self.reply(200, "text/html; charset=ISO-8859-1", body)
        elif path == "/plain":
            self.reply(200, "text/plain", PLAIN.encode())
        elif path == "/md":
            self.reply(200, "text/markdown; charset=utf-8", MD.encode())
        elif path == "/vtt":
            self.reply(200, "text/vtt; charset=utf-8", VTT.encode())
        elif path == "/untyped":
            self.reply(200, None, self.page())
        elif path == "/moved":
            self.reply(302, "text/plain", b"", [("Location", "/page.html")])
        elif path.startswith("/moved") and path[6:].isdigit():
            n = int(path[6:])
            to = "/moved%d" % (n - 1) if n > 1 else "/page.html"
            self.reply(302, "text/plain", b"", [("Location", to)])
        elif path == "/loop":
            self.reply(302, "text/plain", b"", [("Location", "/loop")])
        elif path == "/to-file":
            self.reply(302, "text/plain", b"",
                       [("Location", "file:///etc/passwd")])
        elif path == "/missing":
            self.reply(404, "text/html", b"<h1>Not Found</h1>")
        elif path == "/broken":
            self.reply(500, "text/plain", b"oops")
        elif path == "/image":
            self.reply(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(70 << 20))
            self.end_headers()
            chunk = (b"All work and no play makes a dull summary. " * 1000)
            sent = 0
            try:
                while sent < 70 << 20:
                    k = min(len(chunk), (70 << 20) - sent)
                    self.wfile.write(chunk[:k])
                    sent += k
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/agent":
            ua = self.headers.get("User-Agent", "")
            self.reply(200, "text/plain", ("Agent %s here." % ua).encode())
        else:
            self.reply(404, "text/plain", b"no such route")


def main():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, sys.argv[2])
    srv.serve_forever()


if __name__ == "__main__":
    main()
