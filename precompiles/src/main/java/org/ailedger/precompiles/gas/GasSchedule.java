package org.ailedger.precompiles.gas;

/**
 * What native-contract operations cost. Gas price may be zero on a consortium chain, but gas is
 * still the bound on how much work one transaction can ask of every validator, so the defaults
 * follow the EVM's magnitudes for the same kind of work (a native slot costs a trie node just as an
 * EVM slot does).
 *
 * @param callBase charged once per call before anything else, like the base cost of an EVM call
 * @param slotReadCold first read of a slot in a call (EIP-2929 cold SLOAD)
 * @param slotReadWarm a later read of a slot the call already read or wrote (warm SLOAD)
 * @param slotWriteNew a write turning a zero slot non-zero (SSTORE set): it grows the state
 * @param slotWriteUpdate any other write, including clearing a slot (SSTORE reset)
 * @param logBase per log emitted (LOG0)
 * @param logTopic per topic of a log
 * @param logDataByte per byte of a log's data
 */
public record GasSchedule(
    long callBase,
    long slotReadCold,
    long slotReadWarm,
    long slotWriteNew,
    long slotWriteUpdate,
    long logBase,
    long logTopic,
    long logDataByte) {

  /** EVM-like costs; callBase matches the pre-Berlin CALL cost. */
  public static final GasSchedule DEFAULT =
      new GasSchedule(700, 2100, 100, 20_000, 5_000, 375, 375, 8);

  public GasSchedule {
    if (callBase < 0
        || slotReadCold < 0
        || slotReadWarm < 0
        || slotWriteNew < 0
        || slotWriteUpdate < 0
        || logBase < 0
        || logTopic < 0
        || logDataByte < 0) {
      throw new IllegalArgumentException("gas costs must not be negative");
    }
  }

  /** The cost of one log with {@code topics} topics and {@code dataBytes} bytes of data. */
  public long logCost(int topics, int dataBytes) {
    return Math.addExact(
        Math.addExact(logBase, Math.multiplyExact(logTopic, (long) topics)),
        Math.multiplyExact(logDataByte, (long) dataBytes));
  }
}
