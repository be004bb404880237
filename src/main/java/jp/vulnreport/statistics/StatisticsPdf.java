package jp.vulnreport.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.vulnreport.statistics.StatisticsTables.Table;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The whole report as a PDF (A4, IPA's order), in the font the application ships
 * ({@code fonts/BIZUDPGothic_400Regular.ttf}, SIL OFL), embedded as a subset.
 */
public final class StatisticsPdf {

  static final String FONT = "/fonts/BIZUDPGothic_400Regular.ttf";
  private static final float MARGIN = 40;
  private static final float LINE = 13;

  private final PDDocument doc = new PDDocument();
  private final PDType0Font font;
  private PDPageContentStream out;
  private float y;

  private StatisticsPdf() throws IOException {
    try (InputStream in = StatisticsPdf.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IOException("font missing: " + FONT);
      }
      font = PDType0Font.load(doc, in, true);
    }
  }

  public static byte[] render(StatisticsReport report) {
    try {
      StatisticsPdf pdf = new StatisticsPdf();
      return pdf.write(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] write(StatisticsReport r) throws IOException {
    try (doc) {
      newPage();
      text(MARGIN, 15, "ソフトウエア等の脆弱性関連情報に関する届出状況");
      y -= 6;
      text(MARGIN, 10, "Vulnerability reports: status for the period " + r.from() + " – " + r.to());
      text(MARGIN, 10, "期間 / period: " + r.from() + " 〜 " + r.to());
      text(MARGIN, 9, "累計は最初の届出（" + (r.firstCase() == null ? "-" : r.firstCase())
          + "）から期間末まで / cumulative: from the first report to the end of the period");
      y -= 4;
      for (Table t : StatisticsTables.of(r)) {
        table(t);
        if (t.id().equals("quarters")) {
          boolean all = r.receipt() != null;
          if (all) {
            image(StatisticsChartImages.receivedPerQuarter(r.quarters()), "received");
          }
          image(StatisticsChartImages.sharesPerQuarter(r.quarters(), all, true), "shares");
        }
      }
      if (!r.notRecorded().isEmpty()) {
        need(LINE * (r.notRecorded().size() + 2));
        text(MARGIN, 11, "レジスタに記録のない項目 / not recorded in the register");
        for (String s : r.notRecorded()) {
          text(MARGIN + 8, 8, "・" + s + " → " + StatisticsReport.NOT_RECORDED);
        }
      }
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private void table(Table t) throws IOException {
    need(LINE * Math.min(t.rows().size() + 3, 8));
    y -= 4;
    text(MARGIN, 11, t.titleJa() + " / " + t.titleEn());
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    int n = t.columns().size();
    float first = n > 4 ? 70 : n == 3 ? 300 : 340;
    float other = (width - first) / Math.max(1, n - 1);
    row(t.columns(), first, other, true);
    for (List<String> row : t.rows()) {
      need(LINE);
      row(row, first, other, false);
    }
  }

  private void row(List<String> cells, float first, float other, boolean header) throws IOException {
    float x = MARGIN;
    if (header) {
      out.setNonStrokingColor(0.9f, 0.92f, 0.96f);
      out.addRect(MARGIN, y - 3, first + other * (cells.size() - 1), LINE);
      out.fill();
      out.setNonStrokingColor(0f, 0f, 0f);
    }
    for (int i = 0; i < cells.size(); i++) {
      float w = i == 0 ? first : other;
      cell(x + 2, w - 4, cells.get(i), header ? 7 : 8, i > 0);
      x += w;
    }
    out.setStrokingColor(0.8f, 0.8f, 0.8f);
    out.moveTo(MARGIN, y - 3);
    out.lineTo(x, y - 3);
    out.stroke();
    y -= LINE;
  }

  private void cell(float x, float w, String s, float size, boolean right) throws IOException {
    float fit = size;
    while (fit > 4 && width(s, fit) > w) {
      fit -= 0.5f;
    }
    float tx = right ? x + w - width(s, fit) : x;
    out.beginText();
    out.setFont(font, fit);
    out.newLineAtOffset(tx, y);
    show(s);
    out.endText();
  }

  /** Bars: reports received per quarter (software, websites); a line of marks for the on-time share. */
  /** A chart (JFreeChart's PNG) across the page's width. */
  private void image(byte[] png, String name) throws IOException {
    float w = PDRectangle.A4.getWidth() - 2 * MARGIN;
    float h = w * StatisticsChartImages.HEIGHT / StatisticsChartImages.WIDTH;
    need(h + 12);
    y -= 6;
    out.drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(doc, png, name),
        MARGIN, y - h, w, h);
    y -= h + 6;
  }

  /**
   * Shows text without the font's Latin ligatures: PDFBox applies GSUB within one showText, and a
   * ligature glyph (fi, fl, ff) loses its letters when the text is extracted; pieces split between an
   * f and the next letter keep every glyph its own character.
   */
  private void show(String s) throws IOException {
    for (String piece : s.split("(?<=f)(?=[fil])")) {
      out.showText(piece);
    }
  }


  private float width(String s, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  private void text(float x, float size, String s) throws IOException {
    need(size + 4);
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    show(s);
    out.endText();
    y -= size + 5;
  }

  private void need(float space) throws IOException {
    if (y - space < MARGIN) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }
}
