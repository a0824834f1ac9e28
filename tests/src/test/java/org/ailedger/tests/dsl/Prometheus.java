package org.ailedger.tests.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus text exposition, as a monitoring server reads it: each sample's name
 * and labels with its value.
 */
public record Prometheus(String text, Map<String, Double> samples) {
  public static Prometheus parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(key(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
    }
    return new Prometheus(text, Map.copyOf(samples));
  }

  /** The sample {@code name} with exactly {@code labels} (name, value, name, value, …). */
  public double value(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    Double value = samples.get(name + wanted);
    if (value == null) {
      throw new AssertionError("no sample " + name + wanted + " in\n" + text);
    }
    return value;
  }

  /** The sum of every sample of {@code name}, whatever its labels. */
  public double sum(String name) {
    return samples.entrySet().stream()
        .filter(sample -> sample.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** "name{a="x",b="y"}" as "name{a=x, b=y}", labels sorted. */
  private static String key(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series + "{}";
    }
    Map<String, String> labels = new TreeMap<>();
    String body = series.substring(brace + 1, series.lastIndexOf('}'));
    for (String pair : body.split(",(?=[a-zA-Z_]+=\")")) {
      if (!pair.isBlank()) {
        int eq = pair.indexOf('=');
        labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
      }
    }
    return series.substring(0, brace) + labels;
  }
}
