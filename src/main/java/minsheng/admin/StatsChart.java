package minsheng.admin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The {@code /stats} picture, and the one class that uses JFreeChart. Two panels in one PNG: questions per day
 * stacked by how they were answered, with the share of votes that said helpful as a line; below, the most answered
 * topics as numbered bars. It draws no Chinese — dates, numbers, colours only — because no CJK font can be counted on
 * (the JDK ships none, nor do these machines); the caption names the colours and the topics. Drawn headless.
 */
final class StatsChart {

    static {
        // A server has no display; AWT must never look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 900;
    private static final int DAILY_HEIGHT = 580;

    /** The colours the caption names, in the order of {@link #SERIES}. */
    static final Color PLAIN = new Color(0x1f77b4);
    static final Color CAVEATED = new Color(0xff7f0e);
    static final Color CHOICE = new Color(0x8c8c8c);
    static final Color DECLINED = new Color(0xd62728);
    static final Color HELPFUL = new Color(0x2ca02c);
    static final Color TOPICS = new Color(0x9467bd);
    /** The stacked series: keys only, never drawn (no legend). */
    private static final List<String> SERIES = List.of("plain", "caveated", "choice", "declined");
    private static final List<Color> COLOURS = List.of(PLAIN, CAVEATED, CHOICE, DECLINED);
    /** Every text in the picture is set in this font (the JDK's logical sans-serif); a test holds it to the glyphs. */
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** A day is labelled with its day of the month: short enough to stand upright (rotated text is drawn as glyphs). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d");

    /** One day's replies to questions, and the share of that day's votes that said helpful (null: no vote). */
    record Day(LocalDate date, int plain, int caveated, int choice, int declined, Double helpfulShare) {}

    private StatsChart() {
    }

    /** The picture as PNG bytes, {@link #WIDTH} by {@link #HEIGHT}; {@code topTopics}: counts, most first. */
    static byte[] png(List<Day> days, List<Integer> topTopics) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            draw(g2, days, topTopics);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Draws both panels onto {@code g2} (a test draws onto one that records every string). */
    static void draw(Graphics2D g2, List<Day> days, List<Integer> topTopics) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, WIDTH, HEIGHT);
        daily(days).draw(g2, new Rectangle2D.Double(0, 0, WIDTH, DAILY_HEIGHT));
        topics(topTopics).draw(g2, new Rectangle2D.Double(0, DAILY_HEIGHT, WIDTH, HEIGHT - DAILY_HEIGHT));
    }

    private static JFreeChart daily(List<Day> days) {
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        DefaultCategoryDataset helpful = new DefaultCategoryDataset();
        for (Day d : days) {
            String day = DAY.format(d.date());
            int[] values = {d.plain(), d.caveated(), d.choice(), d.declined()};
            for (int i = 0; i < SERIES.size(); i++) {
                counts.addValue(values[i], SERIES.get(i), day);
            }
            helpful.addValue(d.helpfulShare() == null ? null : 100 * d.helpfulShare(), "helpful", day);
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        for (int i = 0; i < COLOURS.size(); i++) {
            bars.setSeriesPaint(i, COLOURS.get(i));
        }
        CategoryAxis dates = new CategoryAxis(null);
        dates.setTickLabelFont(FONT);
        dates.setCategoryMargin(0.15);
        NumberAxis questions = axis();
        CategoryPlot plot = new CategoryPlot(counts, dates, questions, bars);
        NumberAxis share = axis();
        share.setRange(0, 100);
        share.setNumberFormatOverride(new DecimalFormat("0'%'"));
        plot.setRangeAxis(1, share);
        plot.setDataset(1, helpful);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, HELPFUL);
        line.setSeriesStroke(0, new BasicStroke(3f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart(plot);
    }

    private static JFreeChart topics(List<Integer> topTopics) {
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        for (int i = 0; i < topTopics.size(); i++) {
            counts.addValue(topTopics.get(i), "topics", String.valueOf(i + 1));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, TOPICS);
        bars.setMaximumBarWidth(0.12);
        CategoryAxis numbers = new CategoryAxis(null);
        numbers.setTickLabelFont(FONT);
        CategoryPlot plot = new CategoryPlot(counts, numbers, axis(), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        // The counts along the bottom, clear of the day numbers of the panel above.
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return chart(plot);
    }

    private static NumberAxis axis() {
        NumberAxis axis = new NumberAxis(null);
        axis.setTickLabelFont(FONT);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    private static JFreeChart chart(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage(null);
        // No title and no legend: their words would need a CJK font; the caption says what the colours are.
        JFreeChart chart = new JFreeChart(null, FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
