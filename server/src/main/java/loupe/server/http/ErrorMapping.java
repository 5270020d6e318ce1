// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loupe.engine.UnsuitableInputException;
import loupe.engine.recipe.FidelityViolationException;
import loupe.models.ModelException;
import loupe.server.UserError;
import loupe.server.io.FileErrors;

/**
 * Turns any exception into the one problem shape. Known user-facing failures keep their message;
 * anything else becomes a 500 whose detail names the failure without a stack trace.
 */
public final class ErrorMapping {
  private static final Pattern RESULT = Pattern.compile("[^\\s'\"]*loupe-job-[^\\s'\":,;()]*");
  private static final Pattern UPLOAD = Pattern.compile("[^\\s'\"]*loupe-upload-[0-9]+\\.psd");

  private ErrorMapping() {}

  /**
   * The failure of an accepted job's work. Its request was parsed and checked before the job was
   * accepted, so an IllegalArgumentException here is an invariant broken inside Loupe (an engine
   * op given images of different sizes, say): a 500, not the client's 400. The exception is the
   * engine's refusal of a picture it cannot work on (too small, no background left): a 422, as is
   * any other refusal of the file's content.
   */
  public static Problem jobProblem(Throwable e) {
    return jobProblem(e, null);
  }

  /**
   * The failure of a job on an uploaded file the client named ({@code ?name=}): the detail names
   * that file, as the client knows it, where it would say "the uploaded file".
   */
  public static Function<Throwable, Problem> uploadProblems(String uploadName) {
    return e -> jobProblem(e, uploadName);
  }

  private static Problem jobProblem(Throwable e, String uploadName) {
    boolean broken = e instanceof IllegalArgumentException && !(e instanceof UnsuitableInputException);
    Problem p = broken ? internal(e) : problem(e);
    // The request was checked when the job was accepted: what fails now is the file (not an image,
    // damaged, no layer to protect), which docs/protocol.md answers with 422, not the request's 400.
    return withoutServerPaths(p.status() == 400 ? Problem.of(422, title(422), p.detail()) : p, uploadName);
  }

  /**
   * A failure while handling a request: an IllegalArgumentException there is the request's fault
   * (400), and so is an end of the body while it is read (Jetty's "Early EOF": a client that
   * stopped sending before its Content-Length, or a broken chunked encoding).
   */
  public static Problem toProblem(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (cause instanceof EOFException) {
      return Problem.of(400, title(400), "the request body ended before the length it declared: the upload was cut "
          + "off, or its chunked encoding is broken; send it again");
    }
    return withoutServerPaths(problem(e), null);
  }

  /**
   * The client sent a file, not a path: the server's temp names (/tmp/loupe-upload-123.psd, the
   * job's /tmp/loupe-job-…/ folder) mean nothing to it and say how the server's disk is laid out.
   * The upload is called by the name the client gave it, as its download is named.
   */
  private static Problem withoutServerPaths(Problem p, String uploadName) {
    if (p.detail() == null) {
      return p;
    }
    String detail = RESULT.matcher(p.detail()).replaceAll("the result file");
    String file = uploadName == null ? "" : DownloadName.fileName(uploadName);
    String upload = file.isEmpty() ? "the uploaded file" : "'" + file + "'";
    return Problem.of(p.status(), p.title(), UPLOAD.matcher(detail).replaceAll(Matcher.quoteReplacement(upload)));
  }

  private static Problem problem(Throwable e) {
    if (e instanceof UserError u) {
      return Problem.of(u.status(), title(u.status()), u.getMessage());
    }
    if (e instanceof FidelityViolationException f) {
      return Problem.of(500, "Fidelity guard stopped the job", f.getMessage());
    }
    if (e instanceof UnsuitableInputException) {
      return Problem.of(422, title(422), e.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return Problem.of(400, title(400), e.getMessage());
    }
    if (e instanceof ModelException) {
      // An installed model that fails when opened or run: the server's set-up, said as it is ("model 'lama': …").
      return Problem.of(500, title(500), e.getMessage() + " (see: loupe models list)");
    }
    if (e instanceof OutOfMemoryError) {
      return Problem.of(503, title(503), "not enough memory for this job; close other jobs or raise -Xmx");
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return problem(u.getCause());
    }
    if (FileErrors.isDiskFull(e)) {
      // Not the file's fault (it was the 422 "Unreadable input"): the client can only wait or ask for space.
      return Problem.of(507, title(507), "the server's disk is full: there is no space for this job's files (its "
          + "upload, temp files and result); free some space on the server's machine and send the job again");
    }
    if (e instanceof FileSystemException f) {
      // A temp file or folder of the server's own that it cannot read or write: not the input's fault.
      return Problem.of(500, title(500), FileErrors.describe(f));
    }
    if (e instanceof IOException) {
      // PsdFormatException and friends are IOExceptions whose messages name file, section and offset.
      return Problem.of(422, "Unreadable input", e.getMessage());
    }
    return internal(e);
  }

  /**
   * A bug in Loupe. The detail keeps the message of an argument or state check (it says which
   * invariant broke) but no Java type names; the server's console has the rest.
   */
  private static Problem internal(Throwable e) {
    boolean check = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
    return Problem.of(500, title(500), "internal error in Loupe"
        + (check && e.getMessage() != null ? ": " + e.getMessage() : "; the server's console has the details"));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Not authorised";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Too large";
      case 414 -> "URL too long";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable input";
      case 426 -> "Upgrade required";
      case 429 -> "Busy";
      case 431 -> "Headers too large";
      case 500 -> "Internal error";
      case 503 -> "Unavailable";
      case 507 -> "Insufficient storage";
      default -> "Error";
    };
  }
}
