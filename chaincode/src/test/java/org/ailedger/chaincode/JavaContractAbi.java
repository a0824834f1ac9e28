package org.ailedger.chaincode;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.FunctionTable;

/**
 * What a Java native contract declares: its {@link FunctionTable} and its {@link AbiEvent}s.
 *
 * <p>{@link NativeContract} does not expose either, so they are found by the conventions the
 * contracts follow: a public {@code FunctionTable functions()} on the contract class, and its
 * events from a public {@code events()} method returning {@code AbiEvent}s if there is one, else
 * from the public static {@code AbiEvent} constants of the class {@code <ContractClass>Events} in
 * the same package (as {@code PermissionsEvents} holds Permissions' events).
 *
 * @param functions empty if the contract has no {@code functions()} accessor
 * @param eventSource where the events were read from, for mismatch messages
 */
record JavaContractAbi(
    NativeContract contract,
    Optional<FunctionTable> functions,
    List<AbiEvent> events,
    String eventSource) {

  static JavaContractAbi of(NativeContract contract) {
    Class<?> type = contract.getClass();
    Optional<FunctionTable> functions =
        accessor(type, "functions")
            .filter(m -> FunctionTable.class.isAssignableFrom(m.getReturnType()))
            .map(m -> (FunctionTable) invoke(m, contract));
    Optional<Method> eventsMethod =
        accessor(type, "events").filter(m -> Collection.class.isAssignableFrom(m.getReturnType()));
    if (eventsMethod.isPresent()) {
      List<AbiEvent> events = new ArrayList<>();
      for (Object event : (Collection<?>) invoke(eventsMethod.get(), contract)) {
        events.add((AbiEvent) event);
      }
      return new JavaContractAbi(contract, functions, events, type.getName() + ".events()");
    }
    String holder = type.getName() + "Events";
    return new JavaContractAbi(contract, functions, constantsOf(type, holder), holder);
  }

  private static Optional<Method> accessor(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      method.setAccessible(true);
      return Optional.of(method);
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
  }

  private static List<AbiEvent> constantsOf(Class<?> contractType, String holderName) {
    Class<?> holder;
    try {
      holder = Class.forName(holderName, true, contractType.getClassLoader());
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    List<AbiEvent> events = new ArrayList<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == AbiEvent.class) {
        try {
          events.add((AbiEvent) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + field, e);
        }
      }
    }
    return events;
  }
}
