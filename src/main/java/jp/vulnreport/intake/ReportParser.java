package jp.vulnreport.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Reads a report from JSON strictly: a field the API does not know is an error rather than silently
 * dropped, so nothing a discoverer wrote is lost without them being told.
 */
@Component
public class ReportParser {

  private final ObjectMapper strict;

  public ReportParser(ObjectMapper objectMapper) {
    this.strict = objectMapper.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
    } catch (InvalidFormatException e) {
      throw new MalformedRequestException(
          "Field \"" + path(e) + "\" has an invalid value: " + e.getValue() + ".");
    } catch (JsonProcessingException e) {
      throw new MalformedRequestException("The request body is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")" : ""));
    } catch (IOException e) {
      throw new MalformedRequestException("The request body could not be read.");
    }
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
}
