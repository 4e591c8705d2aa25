//! Files to upload, from bytes, a path or an async reader, and the size limits Discord applies
//! to them (MSG L1072: a request of at most 25 MiB; a guild's own per-file limit, which an
//! interaction carries as `attachment_size_limit`).

use super::{AttachmentFile, CreateMessage, CreateMessageError, MessageProblem};
use std::path::Path;
use tokio::io::{AsyncRead, AsyncReadExt};

impl AttachmentFile {
    /// The file at `path`, named as its last component. A file larger than Discord's request
    /// size limit ([`CreateMessage::REQUEST_SIZE_LIMIT`]) is refused without being read whole.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use bot_core::model::{AttachmentFile, CreateMessage};
    /// let report = AttachmentFile::from_path("report.csv").await?;
    /// let message = CreateMessage::new().file(report);
    /// # let _ = message; Ok(()) }
    /// ```
    pub async fn from_path(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".to_owned());
        let file = tokio::fs::File::open(path).await?;
        AttachmentFile::from_reader(name, file).await
    }

    /// A file read from `reader` until its end, named `filename`. More than Discord's request
    /// size limit is refused ([`std::io::ErrorKind::InvalidData`]) after reading one byte more
    /// than the limit, never the whole stream.
    pub async fn from_reader(
        filename: impl Into<String>,
        reader: impl AsyncRead + Unpin,
    ) -> std::io::Result<Self> {
        let mut bytes = Vec::new();
        reader
            .take(CreateMessage::REQUEST_SIZE_LIMIT + 1)
            .read_to_end(&mut bytes)
            .await?;
        if bytes.len() as u64 > CreateMessage::REQUEST_SIZE_LIMIT {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "the file is larger than Discord's request limit of {} bytes",
                    CreateMessage::REQUEST_SIZE_LIMIT
                ),
            ));
        }
        Ok(AttachmentFile::new(filename, bytes))
    }
}

impl CreateMessage {
    /// The most bytes of files in one request (25 MiB).
    pub const REQUEST_SIZE_LIMIT: u64 = 25 * 1024 * 1024;

    /// The bytes of all its files.
    pub fn upload_size(&self) -> u64 {
        self.files.iter().map(|f| f.bytes.len() as u64).sum()
    }

    /// Checks its files against a per-file limit in bytes: a guild's `attachment_size_limit`
    /// (an interaction carries it), as well as the request limit.
    ///
    /// ```
    /// use bot_core::model::{AttachmentFile, CreateMessage};
    /// let message = CreateMessage::new().file(AttachmentFile::new("a.bin", vec![0; 2048]));
    /// assert!(message.check_files(4096).is_ok());
    /// assert!(message.check_files(1024).is_err());
    /// ```
    pub fn check_files(&self, per_file_limit: u64) -> Result<(), CreateMessageError> {
        let mut problems = Vec::new();
        for file in &self.files {
            let bytes = file.bytes.len() as u64;
            if bytes > per_file_limit {
                problems.push(MessageProblem::FileTooLarge {
                    filename: file.filename.clone(),
                    bytes,
                    limit: per_file_limit,
                });
            }
        }
        problems.extend(size_problem(self));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CreateMessageError { problems })
        }
    }
}

/// The request-size problem of a message, if its files are too large together.
pub(super) fn size_problem(message: &CreateMessage) -> Option<MessageProblem> {
    let bytes = message.upload_size();
    (bytes > CreateMessage::REQUEST_SIZE_LIMIT).then_some(MessageProblem::TooLarge {
        bytes,
        limit: CreateMessage::REQUEST_SIZE_LIMIT,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_from_readers_and_paths() {
        let file = AttachmentFile::from_reader("a.txt", &b"hello"[..])
            .await
            .unwrap();
        assert_eq!(
            (file.filename.as_str(), file.bytes.as_slice()),
            ("a.txt", &b"hello"[..])
        );
        let huge = tokio::io::repeat(7).take(CreateMessage::REQUEST_SIZE_LIMIT + 10);
        let refused = AttachmentFile::from_reader("huge.bin", huge)
            .await
            .unwrap_err();
        assert_eq!(refused.kind(), std::io::ErrorKind::InvalidData);
        let path = std::env::temp_dir().join(format!("bot-core-upload-{}.txt", std::process::id()));
        tokio::fs::write(&path, b"on disk").await.unwrap();
        let file = AttachmentFile::from_path(&path).await.unwrap();
        tokio::fs::remove_file(&path).await.unwrap();
        assert_eq!(file.bytes, b"on disk");
        assert!(file.filename.starts_with("bot-core-upload-"));
        assert!(
            AttachmentFile::from_path("/nonexistent/file")
                .await
                .is_err()
        );
    }

    #[test]
    fn the_request_size_is_checked_with_the_message() {
        let half = (CreateMessage::REQUEST_SIZE_LIMIT / 2 + 1) as usize;
        let message = CreateMessage::new()
            .file(AttachmentFile::new("a", vec![0; half]))
            .file(AttachmentFile::new("b", vec![0; half]));
        let error = message.check().unwrap_err();
        assert!(
            matches!(error.problems[0], MessageProblem::TooLarge { .. }),
            "{error}"
        );
        let eleven = (0..11).fold(CreateMessage::new(), |m, i| {
            m.file(AttachmentFile::new(format!("{i}.txt"), vec![1]))
        });
        assert!(matches!(
            eleven.check().unwrap_err().problems[0],
            MessageProblem::TooManyAttachments { count: 11 }
        ));
    }
}
