package jp.vulnreport.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client for the public pages: keeps cookies (the session), does not follow
 * redirects (tests look at them), and comes from an address of its own (X-Forwarded-For, trusted
 * from the loopback proxy) so that rate limits of one test do not touch another's.
 */
final class PageClient {

  record FilePart(String field, String fileName, String contentType, byte[] content) {}

  private static final AtomicInteger NEXT = new AtomicInteger(1);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final String address;
  private final HttpClient http;
  private String csrf;

  PageClient(String base) {
    this(base, "198.51.100." + NEXT.getAndIncrement() % 250);
  }

  PageClient(String base, String address) {
    this.base = base;
    this.address = address;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  String address() {
    return address;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    remember(r.body());
    return r;
  }

  /** Follows a redirect response with a GET. */
  HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    URI uri = URI.create(base).resolve(location);
    return get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  /** A form POST with the session's CSRF token (from the last page) unless {@code _csrf} is given. */
  HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
    Map<String, String> all = withToken(fields);
    StringBuilder body = new StringBuilder();
    all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files)
      throws IOException, InterruptedException {
    String boundary = "----vr" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : withToken(fields).entrySet()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (FilePart p : files) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field() + "\"; filename=\""
          + p.fileName() + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(p.content());
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    b.header("X-Forwarded-For", address);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Map<String, String> withToken(Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    if (csrf != null && !fields.containsKey("_csrf")) {
      all.put("_csrf", csrf);
    }
    all.putAll(fields);
    all.values().removeIf(v -> v == null);
    return all;
  }

  private void remember(String page) {
    Matcher m = CSRF.matcher(page);
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A valid product report as the page's fields. */
  static Map<String, String> productReport() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("reporterName", "山田 花子");
    f.put("reporterOrganization", "例示セキュリティ研究会");
    f.put("reporterEmail", "hanako.page@example.jp");
    f.put("reporterPhone", "03-1234-5678");
    f.put("shareContactWithDeveloper", "true");
    f.put("creditWanted", "true");
    f.put("creditDisplayName", "Hanako Yamada");
    f.put("productDeveloper", "ページ試験ソフト株式会社");
    f.put("productName", "PageCMS");
    f.put("productVersions", "2.0 から 2.3");
    f.put("productUrl", "https://page-cms.example.jp/");
    f.put("purl", "pkg:npm/page-cms@2.3.0");
    f.put("cpe", "");
    f.put("vulnType", "クロスサイトスクリプティング");
    f.put("cwe", "CWE-79");
    f.put("summary", "コメント欄に反射型クロスサイトスクリプティング");
    f.put("details", "コメント欄の入力値がエスケープされずに表示される。");
    f.put("reproduction", "1. コメント欄にスクリプトを入力\n2. 表示する");
    f.put("environment", "Windows 11, Chrome 130");
    f.put("impact", "セッションの乗っ取り");
    f.put("workaround", "");
    f.put("discoveredOn", "2026-11-20");
    f.put("priorContactOthers", "");
    f.put("disclosureDate", "");
    f.put("disclosureVenue", "");
    f.put("requests", "");
    return f;
  }

  static List<FilePart> files(FilePart... parts) {
    return new ArrayList<>(List.of(parts));
  }
}
