package jp.vulnreport.government;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * MITRE's CWE list (the weaknesses of one published version, {@code classpath:cwe/cwec_v<VERSION>.csv}):
 * the official name of each CWE id. CSAF documents carry these names ({@code vulnerabilities[].cwe.name},
 * CSAF 2.0 mandatory test 6.1.11) and CVE records the same; the Japanese vulnerability type stays on our
 * pages.
 */
@Component
public class CweCatalogue {

  /** The CWE version the catalogue holds (MITRE's release of 2025-04-03). */
  public static final String VERSION = "4.17";

  private final Map<String, String> names = new HashMap<>();

  public CweCatalogue() {
    var resource = new ClassPathResource("cwe/cwec_v" + VERSION + ".csv");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(),
        StandardCharsets.UTF_8))) {
      in.readLine();   // id,name,status,usage
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> cells = csv(line);
        if (cells.size() >= 2) {
          names.put(cells.get(0), cells.get(1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the CWE catalogue " + resource.getPath() + " cannot be read", e);
    }
  }

  /** The official name of a CWE id (CWE-79), if the catalogue knows it. */
  public Optional<String> name(String cweId) {
    return cweId == null ? Optional.empty() : Optional.ofNullable(names.get(cweId.strip().toUpperCase()));
  }

  public int size() {
    return names.size();
  }

  private static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
