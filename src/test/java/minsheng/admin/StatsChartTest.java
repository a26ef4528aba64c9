package minsheng.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The /stats picture: every text in it shows in its font (no empty boxes), and it is a PNG of the size sent. */
class StatsChartTest {

    /** A month like a busy one: every kind of reply, days without votes, five topics. */
    private static List<StatsChart.Day> month() {
        List<StatsChart.Day> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(new StatsChart.Day(LocalDate.of(2026, 11, 8).plusDays(i), 20 + i % 7, i % 5, i % 3, 2 + i % 4,
                    i % 6 == 0 ? null : (i % 10) / 10.0));
        }
        return days;
    }

    @Test
    void everyTextDrawnInTheChartShowsInItsFontAndNoneIsChinese() {
        BufferedImage image = new BufferedImage(StatsChart.WIDTH, StatsChart.HEIGHT, BufferedImage.TYPE_INT_RGB);
        List<RecordingGraphics.Drawn> drawn = new ArrayList<>();
        Graphics2D g2 = new RecordingGraphics(image.createGraphics(), drawn);
        StatsChart.draw(g2, month(), List.of(120, 80, 44, 20, 7));
        g2.dispose();

        List<String> texts = drawn.stream().map(RecordingGraphics.Drawn::text).toList();
        List<String> days = new ArrayList<>();
        month().forEach(d -> days.add(String.valueOf(d.date().getDayOfMonth())));
        assertEquals(days, texts.subList(0, 30), "each day by its day of the month, 8 … 30, 1 … 7");
        assertTrue(texts.contains("100%") && texts.contains("5"), "the share and the topics' numbers: " + texts);
        for (RecordingGraphics.Drawn d : drawn) {
            assertNotNull(d.text(), "glyphs drawn whose text cannot be checked, in " + d.font());
            assertEquals(-1, d.font().canDisplayUpTo(d.text()), "「" + d.text() + "」 has a character "
                    + d.font().getFontName() + " cannot show: it would be an empty box");
            assertFalse(d.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), "the chart draws no Chinese; the caption says it: " + d.text());
        }
    }

    @Test
    void thePictureIsAPngOfTheSizeSentWithTheColoursTheCaptionNames() throws Exception {
        byte[] png = StatsChart.png(month(), List.of(120, 80));
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(StatsChart.WIDTH, image.getWidth());
        assertEquals(StatsChart.HEIGHT, image.getHeight());
        for (java.awt.Color colour : List.of(StatsChart.PLAIN, StatsChart.CAVEATED, StatsChart.CHOICE,
                StatsChart.DECLINED, StatsChart.HELPFUL, StatsChart.TOPICS)) {
            assertTrue(pixels(image, colour) > 50, "the caption names " + colour + "; it must be in the picture");
        }
    }

    private static int pixels(BufferedImage image, java.awt.Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }
}
