package org.ailedger.evm.frame;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A cache of {@link AnalyzedCode} by code hash, so a contract called often is analysed once.
 * Bounded by the total size of the cached code, least recently used out first.
 */
final class CodeAnalysis {
  /** About 8 bytes of analysis per byte of code: 4 MiB of code is some 32 MiB of cache. */
  static final long MAX_CACHED_CODE_BYTES = 4L << 20;

  private final Map<Bytes32, AnalyzedCode> cache = new LinkedHashMap<>(64, 0.75f, true);
  private long cachedBytes;

  AnalyzedCode analysed(Bytes32 codeHash, Bytes code) {
    synchronized (cache) {
      AnalyzedCode cached = cache.get(codeHash);
      if (cached != null) {
        return cached;
      }
    }
    AnalyzedCode analysed = AnalyzedCode.of(code);
    synchronized (cache) {
      if (cache.put(codeHash, analysed) == null) {
        cachedBytes += code.size();
      }
      Iterator<AnalyzedCode> eldest = cache.values().iterator();
      while (cachedBytes > MAX_CACHED_CODE_BYTES && eldest.hasNext()) {
        cachedBytes -= eldest.next().code().length;
        eldest.remove();
      }
    }
    return analysed;
  }
}
