package org.ailedger.indexer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One Prometheus text exposition, parsed into samples: name and sorted labels to value. */
public record Scrape(String text, Map<String, Double> samples) {
  public static Scrape of(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(key(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(text, Map.copyOf(samples));
  }

  /** The value of {@code name} with exactly {@code labels} (name, value, name, value…). */
  public double value(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    String key = name + wanted;
    assertThat(samples).as("the sample %s in\n%s", key, text).containsKey(key);
    return samples.get(key);
  }

  /** "name{a="x",b="y"}" to "name{a=x, b=y}" with the labels sorted. */
  private static String key(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series + "{}";
    }
    Map<String, String> labels = new TreeMap<>();
    String body = series.substring(brace + 1, series.lastIndexOf('}'));
    for (String pair : body.split(",(?=[a-zA-Z_]+=\")")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
    }
    return series.substring(0, brace) + labels;
  }
}
