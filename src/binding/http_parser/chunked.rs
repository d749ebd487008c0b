//! The chunked body (RFC 9112 7.1): chunk-size lines with strictly validated
//! sizes and extensions, the CRLF after each chunk's data, and the trailer section.
use super::fields::{find_head_end, is_tchar, map_httparse};
use super::message::{err, Next, ParseError, Sink};
use super::parse::{Ext, Parser, State, MAX_CHUNK_EXTENSIONS};

impl Parser {
    /// One byte of a chunk-size line or of the CRLF after chunk data.
    pub(super) fn chunk_byte(&mut self, b: u8) -> Result<(usize, Next), ParseError> {
        const BAD_SIZE: ParseError =
            err("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
        self.state = match self.state {
            State::ChunkSize { size, digits } => match b {
                b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F' => {
                    if size >> 60 != 0 {
                        return Err(err("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow"));
                    }
                    let d = (b as char).to_digit(16).unwrap_or(0) as u64;
                    State::ChunkSize {
                        size: size << 4 | d,
                        digits: digits.saturating_add(1),
                    }
                }
                b';' if digits > 0 => State::ChunkExt {
                    size,
                    ext: Ext::NameStart,
                    len: 0,
                },
                b'\r' if digits > 0 => State::ChunkSizeLf { size },
                b'\n' if digits > 0 => {
                    return Err(err(
                        "HPE_CR_EXPECTED",
                        "Missing expected CR after chunk size",
                    ))
                }
                _ => return Err(BAD_SIZE),
            },
            State::ChunkExt { size, ext, len } => {
                if len >= MAX_CHUNK_EXTENSIONS {
                    return Err(err(
                        "HPE_CHUNK_EXTENSIONS_OVERFLOW",
                        "Chunk extensions overflow",
                    ));
                }
                let ext = self.chunk_ext(ext, b)?;
                if ext == Ext::Cr && b == b'\r' {
                    State::ChunkSizeLf { size }
                } else {
                    State::ChunkExt {
                        size,
                        ext,
                        len: len + 1,
                    }
                }
            }
            State::ChunkSizeLf { size } => {
                if b != b'\n' {
                    return Err(err("HPE_STRICT", "Expected LF after chunk size"));
                }
                if size == 0 {
                    State::Trailers
                } else {
                    State::ChunkData(size)
                }
            }
            State::ChunkDataCr if b == b'\r' => State::ChunkDataLf,
            State::ChunkDataLf if b == b'\n' => State::ChunkSize { size: 0, digits: 0 },
            State::ChunkDataCr | State::ChunkDataLf => {
                return Err(err("HPE_STRICT", "Expected LF after chunk data"));
            }
            s => s,
        };
        Ok((1, Next::Go))
    }

    /// `;name[=token|"quoted"]` (RFC 9112 7.1.1), one byte at a time.
    fn chunk_ext(&self, ext: Ext, b: u8) -> Result<Ext, ParseError> {
        const NAME: ParseError = err("HPE_STRICT", "Invalid character in chunk extensions name");
        const VALUE: ParseError = err("HPE_STRICT", "Invalid character in chunk extensions value");
        Ok(match (ext, b) {
            (Ext::NameStart, b) if is_tchar(b) => Ext::Name,
            (Ext::NameStart, _) => {
                return Err(err("HPE_STRICT", "Invalid character in chunk extensions"))
            }
            (Ext::Name, b) if is_tchar(b) => Ext::Name,
            (Ext::Name | Ext::Token | Ext::QuotedEnd, b';') => Ext::NameStart,
            (Ext::Name, b'=') => Ext::ValueStart,
            (Ext::Name | Ext::Token | Ext::QuotedEnd, b'\r') => Ext::Cr,
            (Ext::Name, _) => return Err(NAME),
            (Ext::ValueStart, b'"') => Ext::Quoted,
            (Ext::ValueStart | Ext::Token, b) if is_tchar(b) => Ext::Token,
            (Ext::Quoted, b'"') => Ext::QuotedEnd,
            (Ext::Quoted, b'\\') => Ext::QuotedEscape,
            (Ext::Quoted, b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff) => Ext::Quoted,
            (Ext::QuotedEscape, b'\t' | b' ' | 0x21..=0x7e | 0x80..=0xff) => Ext::Quoted,
            _ => return Err(VALUE),
        })
    }

    /// The trailer section after the last chunk: an empty line, or fields and an
    /// empty line (kept in `pending` until whole).
    pub(super) fn trailers(
        &mut self,
        data: &[u8],
        at: usize,
        sink: &mut impl Sink,
    ) -> Result<(usize, Next), ParseError> {
        let had = self.pending.len();
        let room = (self.max_header_size + 1).saturating_sub(had);
        let take = room.min(data.len() - at);
        self.pending.extend_from_slice(&data[at..at + take]);
        let buf = std::mem::take(&mut self.pending);
        if buf.len() >= 2 && buf[0] == b'\r' && buf[1] == b'\n' {
            self.pending = buf;
            self.pending.clear();
            return Ok((2 - had, self.complete(sink, &[])));
        }
        if buf[0] == b'\n' || (buf.len() >= 2 && buf[0] == b'\r') {
            return Err(err("HPE_STRICT", "Expected LF after chunk data"));
        }
        // Trailer fields end at the first CRLF CRLF; "\r\n" before them (index 0)
        // is not a blank line, so the scan starts past a virtual previous line.
        let mut scanned = 0;
        let mut with_crlf = Vec::with_capacity(buf.len() + 2);
        with_crlf.extend_from_slice(b"\r\n");
        with_crlf.extend_from_slice(&buf);
        let found = find_head_end(&with_crlf, 2, &mut scanned)?;
        let Some(end) = found.map(|e| e - 2) else {
            if buf.len() > self.max_header_size {
                return Err(err("HPE_HEADER_OVERFLOW", "Header overflow"));
            }
            self.pending = buf;
            return Ok((take, Next::Go));
        };
        let mut headers = vec![httparse::EMPTY_HEADER; end / 4 + 1];
        match httparse::parse_headers(&buf[..end], &mut headers) {
            Ok(httparse::Status::Complete((_, fields))) => {
                let next = self.complete(sink, fields);
                self.pending = Vec::new();
                Ok((end - had, next))
            }
            Ok(httparse::Status::Partial) => {
                Err(err("HPE_INVALID_HEADER_TOKEN", "Invalid header token"))
            }
            Err(e) => Err(map_httparse(e, self.kind)),
        }
    }
}
