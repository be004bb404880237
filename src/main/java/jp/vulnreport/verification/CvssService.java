package jp.vulnreport.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import us.springett.cvss.Cvss;
import org.springframework.stereotype.Component;

/** Parses and scores CVSS vectors (3.0, 3.1, 4.0) with us.springett:cvss-calculator. */
@Component
public class CvssService {

  public record CvssResult(String vector, BigDecimal baseScore, String severity) {}

  public CvssResult evaluate(String vector) {
    if (vector == null || vector.isBlank()) {
      throw new InvalidCvssVectorException("CVSS ベクトルを入力してください / a CVSS vector is required");
    }
    String v = vector.strip();
    if (!v.matches("^CVSS:(3\\.0|3\\.1|4\\.0)/.+")) {
      throw new InvalidCvssVectorException("CVSS ベクトルは CVSS:3.0/、CVSS:3.1/、CVSS:4.0/ で始めてください"
          + " / the vector must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/: " + v);
    }
    Cvss cvss;
    try {
      cvss = Cvss.fromVector(v);
    } catch (RuntimeException e) {
      cvss = null;
    }
    if (cvss == null) {
      throw new InvalidCvssVectorException("CVSS ベクトルが正しくありません / not a valid CVSS vector: " + v);
    }
    double score;
    try {
      score = cvss.calculateScore().getBaseScore();
    } catch (RuntimeException e) {
      throw new InvalidCvssVectorException("CVSS ベクトルが不完全です / incomplete CVSS vector: " + v);
    }
    BigDecimal base = BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP);
    return new CvssResult(v, base, severity(base));
  }

  static String severity(BigDecimal score) {
    double s = score.doubleValue();
    if (s == 0.0) {
      return "NONE";
    } else if (s < 4.0) {
      return "LOW";
    } else if (s < 7.0) {
      return "MEDIUM";
    } else if (s < 9.0) {
      return "HIGH";
    }
    return "CRITICAL";
  }

  /** The vector is missing or not valid CVSS. */
  public static class InvalidCvssVectorException extends IllegalArgumentException {
    public InvalidCvssVectorException(String message) {
      super(message);
    }
  }
}
