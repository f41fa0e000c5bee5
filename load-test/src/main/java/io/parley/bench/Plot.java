package io.parley.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PNG per run: the latency distribution by percentile (HdrHistogram style, x = 1 / (1 - percentile) on a log
 * axis) above the throughput and CPU timeline.
 */
final class Plot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;

    private Plot() {
    }

    static void write(Path png, String title, Map<String, Histogram> latencies, List<Sampler.Sample> timeline)
            throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        if (!latencies.isEmpty()) panels.add(BitmapEncoder.getBufferedImage(latencyChart(title, latencies)));
        panels.add(BitmapEncoder.getBufferedImage(timelineChart(title, timeline)));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i), 0, i * HEIGHT, null);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static XYChart latencyChart(String title, Map<String, Histogram> latencies) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + ": latency by percentile")
                .xAxisTitle("1 / (1 - percentile): 10 = p90, 100 = p99, 1000 = p99.9, 10000 = p99.99")
                .yAxisTitle("ms").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        latencies.forEach((label, histogram) -> {
            if (histogram.getTotalCount() == 0) return;
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistogramIterationValue v : histogram.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) break;
                x.add(1 / (1 - p / 100));
                y.add(v.getValueIteratedTo() / 1000.0);
            }
            x.add(x.isEmpty() ? 1 : Math.max(x.get(x.size() - 1), 10_000.0));
            y.add(histogram.getMaxValue() / 1000.0);
            XYSeries series = chart.addSeries(label + " (max " + histogram.getMaxValue() / 1000.0 + " ms)", x, y);
            series.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    private static XYChart timelineChart(String title, List<Sampler.Sample> timeline) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + ": per second")
                .xAxisTitle("seconds").yAxisTitle("per second").build();
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "CPU % of one core");
        if (timeline.isEmpty()) {
            chart.addSeries("no samples", new double[]{0}, new double[]{0});
            return chart;
        }
        List<Double> t = timeline.stream().map(Sampler.Sample::t).toList();
        for (String name : timeline.get(0).perSecond().keySet()) {
            add(chart, name, t, timeline.stream().map(s -> s.perSecond().getOrDefault(name, 0.0)).toList(), 0);
        }
        add(chart, "harness CPU %", t, timeline.stream().map(Sampler.Sample::harnessCpuPercent).toList(), 1);
        if (timeline.get(0).serverCpuPercent() >= 0) {
            add(chart, "server CPU %", t, timeline.stream().map(Sampler.Sample::serverCpuPercent).toList(), 1);
        }
        return chart;
    }

    private static void add(XYChart chart, String name, List<Double> t, List<Double> values, int group) {
        XYSeries series = chart.addSeries(name, t, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setYAxisGroup(group);
    }
}
