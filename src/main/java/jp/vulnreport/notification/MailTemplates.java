package jp.vulnreport.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail templates in {@code classpath:mail/NAME.txt}: a first line {@code Subject: ...}, a blank
 * line, then the body (Japanese first, English below). Placeholders are {@code {{name}}}; a
 * placeholder without a value is an error, so no mail goes out with a hole in it.
 */
@Component
public class MailTemplates {

  public record Rendered(String subject, String body) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9]+)}}");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public Rendered render(String template, Map<String, String> model) {
    String source = cache.computeIfAbsent(template, MailTemplates::load);
    int newline = source.indexOf('\n');
    String first = source.substring(0, newline).strip();
    if (!first.startsWith("Subject:")) {
      throw new IllegalStateException("mail template " + template + " does not start with 'Subject:'");
    }
    String subject = fill(template, first.substring("Subject:".length()).strip(), model);
    String body = fill(template, source.substring(newline + 1).stripLeading(), model);
    return new Rendered(subject, body);
  }

  private static String fill(String template, String text, Map<String, String> model) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = model.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("mail template " + template + " needs {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String load(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad mail template name " + template);
    }
    ClassPathResource resource = new ClassPathResource("mail/" + template + ".txt");
    if (!resource.exists()) {
      throw new IllegalArgumentException("no mail template named " + template);
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
