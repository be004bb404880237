package jp.vulnreport.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a report from JSON strictly: a field the API does not know is an error rather than silently
 * dropped, so nothing a discoverer wrote is lost without them being told. Values must have their
 * JSON type: booleans only as {@code true}/{@code false}, texts only as JSON strings, dates only as
 * strings {@code YYYY-MM-DD} that are real dates, the category by name; a key given twice is refused
 * rather than one value silently winning. Such errors name the field ({@link ReportValidationException}).
 */
@Component
public class ReportParser {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final ObjectMapper strict;
  private final MessageSource messages;

  public ReportParser(ObjectMapper objectMapper, MessageSource messages) {
    this.messages = messages;
    this.strict = objectMapper.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Enum)) {
      strict.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    strict.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    strict.registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictDate()));
  }

  public <T> T parse(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new MalformedRequestException("The request body is empty; a JSON object is expected.");
    }
    try {
      T value = strict.readValue(body, type);
      if (value == null) {
        throw new MalformedRequestException("The request body is JSON null; a JSON object is expected.");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new MalformedRequestException("Unknown field \"" + path(e) + "\".");
    } catch (MismatchedInputException e) {
      String field = path(e);
      if (field.isEmpty()) {
        throw new MalformedRequestException("The request body is not a JSON object of the expected shape: "
            + e.getOriginalMessage());
      }
      throw new ReportValidationException(List.of(new FieldError(field, message(typeKey(e.getTargetType())))));
    } catch (JsonProcessingException e) {
      StreamReadException duplicate = duplicateKey(e);
      if (duplicate != null) {
        throw new ReportValidationException(List.of(new FieldError(
            path(duplicate.getProcessor().getParsingContext()), message("vulnreport.json.duplicate"))));
      }
      throw notJson(e);
    } catch (IOException e) {
      throw new MalformedRequestException("The request body could not be read.");
    }
  }

  /** The parser's "Duplicate field" error behind {@code e} (databind may wrap it), or null. */
  private static StreamReadException duplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException s && s.getOriginalMessage() != null
          && s.getOriginalMessage().startsWith("Duplicate field") && s.getProcessor() != null) {
        return s;
      }
    }
    return null;
  }

  private static MalformedRequestException notJson(JsonProcessingException e) {
    return new MalformedRequestException("The request body is not valid JSON: " + e.getOriginalMessage()
        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
            + e.getLocation().getColumnNr() + ")" : ""));
  }

  private static String typeKey(Class<?> target) {
    if (target == Boolean.class || target == boolean.class) {
      return "vulnreport.type.boolean";
    }
    if (target == String.class) {
      return "vulnreport.type.string";
    }
    if (target == ReportedExploitation.class) {
      return "vulnreport.exploitation.invalid";
    }
    if (target == LocalDate.class) {
      return "vulnreport.type.date";
    }
    return "vulnreport.type.value";
  }

  private String message(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The dotted path of the parser's current position (the duplicate key). */
  private static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push(c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      }
    }
    return String.join(".", parts).replace(".[", "[");
  }

  /** A date only as a JSON string YYYY-MM-DD naming a real day (2026-02-30 is refused). */
  static final class StrictDate extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
      }
      String text = p.getText();
      if (!DATE.matcher(text).matches()) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD");
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a real date");
      }
    }
  }
}
