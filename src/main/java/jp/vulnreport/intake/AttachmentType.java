package jp.vulnreport.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a report may carry, recognised by name and by content: a file whose bytes do
 * not match its extension is refused. Whatever the kind, files are only ever served back to staff
 * as downloads ({@code application/octet-stream}), never rendered.
 */
public enum AttachmentType {
  /** Proof-of-concept code, logs, notes: any UTF-8 text without NUL bytes. */
  TEXT("text/plain", Set.of("txt", "log", "md", "csv", "json", "xml", "yaml", "yml", "html", "htm", "js", "py",
      "rb", "sh", "ps1", "c", "h", "cpp", "java", "go", "rs", "php", "pl", "http", "har")),
  PNG("image/png", Set.of("png")),
  JPEG("image/jpeg", Set.of("jpg", "jpeg")),
  GIF("image/gif", Set.of("gif")),
  PDF("application/pdf", Set.of("pdf")),
  ZIP("application/zip", Set.of("zip")),
  PCAP("application/vnd.tcpdump.pcap", Set.of("pcap", "pcapng"));

  private final String mediaType;
  private final Set<String> extensions;

  AttachmentType(String mediaType, Set<String> extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The type a file of that name must be, if its extension is allowed at all. */
  public static Optional<AttachmentType> byName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
  }

  /** Do the first bytes of a file fit this type? {@code complete}: they are the whole file. */
  public boolean matches(byte[] head, boolean complete) {
    return switch (this) {
      case TEXT -> isText(head, complete);
      case PNG -> startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      case JPEG -> startsWith(head, 0xFF, 0xD8, 0xFF);
      case GIF -> startsWith(head, 'G', 'I', 'F', '8');
      case PDF -> startsWith(head, '%', 'P', 'D', 'F', '-');
      case ZIP -> startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6);
      case PCAP -> startsWith(head, 0xD4, 0xC3, 0xB2, 0xA1) || startsWith(head, 0xA1, 0xB2, 0xC3, 0xD4)
          || startsWith(head, 0x4D, 0x3C, 0xB2, 0xA1) || startsWith(head, 0xA1, 0xB2, 0x3C, 0x4D)
          || startsWith(head, 0x0A, 0x0D, 0x0D, 0x0A);
    };
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isText(byte[] bytes, boolean complete) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    // endOfInput=false tolerates a sequence cut at the end of a sample
    CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), complete);
    return !result.isError();
  }
}
