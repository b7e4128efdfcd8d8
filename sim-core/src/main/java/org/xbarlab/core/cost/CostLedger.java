package org.xbarlab.core.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Energy (J) and latency (s) of a simulated chip, accumulated by phase and by component.
 *
 * <p>Every chip operation (an analog product, a conversion, a write pulse) charges an account here; the ledger
 * never estimates anything itself. Components are free-form names owned by the module that charges them (the
 * crossbar module documents its own, such as {@code "array-read"} or {@code "adc"}).
 *
 * <p>Thread-safety: a ledger is not thread-safe. Parallel work gives each worker its own ledger and merges them
 * with {@link #merge(CostLedger)} in a fixed order, so totals do not depend on the thread count.
 */
public final class CostLedger implements org.xbarlab.core.state.Stateful {

    private final Map<Phase, Map<String, CostAccount>> accounts = new EnumMap<>(Phase.class);

    /** Creates an empty ledger. */
    public CostLedger() {
        for (Phase phase : Phase.values()) {
            accounts.put(phase, new LinkedHashMap<>());
        }
    }

    /**
     * Returns the account of a component in a phase, creating it on first use. Hot paths keep the returned
     * account and charge it directly.
     *
     * @param phase the phase, not null
     * @param component a non-blank component name
     * @return the live account; charges to it show in this ledger
     */
    public CostAccount account(Phase phase, String component) {
        Objects.requireNonNull(phase, "phase");
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("component must be a non-blank name, got '" + component + "'");
        }
        return accounts.get(phase).computeIfAbsent(component, name -> new CostAccount(phase, name));
    }

    /**
     * Charges one entry; a convenience for code that is not on a hot path.
     *
     * @see CostAccount#charge(double, double, long)
     */
    public void charge(Phase phase, String component, double energyJoules, double latencySeconds, long operations) {
        account(phase, component).charge(energyJoules, latencySeconds, operations);
    }

    /**
     * Adds every account of another ledger into this one. The other ledger is not modified.
     *
     * @param other the ledger to add, not this one
     */
    public void merge(CostLedger other) {
        if (other == this) {
            throw new IllegalArgumentException("a ledger cannot be merged into itself");
        }
        for (Map.Entry<Phase, Map<String, CostAccount>> phase : other.accounts.entrySet()) {
            for (CostAccount account : phase.getValue().values()) {
                account(phase.getKey(), account.component()).add(account);
            }
        }
    }

    /**
     * Writes every account, phase by phase in the order the accounts were opened (the order sums are taken in).
     */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        for (Phase phase : Phase.values()) {
            Map<String, CostAccount> open = accounts.get(phase);
            out.writeInt(phase.key() + "/accounts", open.size());
            for (CostAccount account : open.values()) {
                out.writeString("component", account.component());
                account.saveState(out);
            }
        }
    }

    /**
     * Reads the accounts back into this ledger: accounts that exist are updated in place (hot paths keep
     * references to them) and put in the written order; accounts the checkpoint does not name are emptied and
     * follow them.
     */
    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        for (Phase phase : Phase.values()) {
            Map<String, CostAccount> open = accounts.get(phase);
            Map<String, CostAccount> restored = new LinkedHashMap<>();
            int count = in.readInt(phase.key() + "/accounts");
            for (int i = 0; i < count; i++) {
                String component = in.readString("component");
                CostAccount account = open.containsKey(component) ? open.get(component)
                        : new CostAccount(phase, component);
                account.restoreState(in);
                restored.put(component, account);
            }
            for (CostAccount account : open.values()) {
                if (!restored.containsKey(account.component())) {
                    account.clear();
                    restored.put(account.component(), account);
                }
            }
            open.clear();
            open.putAll(restored);
        }
    }

    /** Total energy of a phase (J). */
    public double energyJoules(Phase phase) {
        double sum = 0;
        for (CostAccount account : accounts.get(phase).values()) {
            sum += account.energyJoules();
        }
        return sum;
    }

    /** Total latency of a phase (s). */
    public double latencySeconds(Phase phase) {
        double sum = 0;
        for (CostAccount account : accounts.get(phase).values()) {
            sum += account.latencySeconds();
        }
        return sum;
    }

    /**
     * An immutable snapshot of this ledger, with entries sorted by phase and component name.
     *
     * @param samples number of samples processed, used for per-sample figures; must be positive
     * @return the summary
     */
    public CostSummary summarize(long samples) {
        List<CostSummary.Entry> entries = new ArrayList<>();
        for (Map.Entry<Phase, Map<String, CostAccount>> phase : accounts.entrySet()) {
            phase.getValue().values().stream()
                    .sorted(Comparator.comparing(CostAccount::component))
                    .forEach(a -> entries.add(new CostSummary.Entry(a.phase().key(), a.component(),
                            a.energyJoules(), a.latencySeconds(), a.operationCount())));
        }
        return CostSummary.of(entries, samples);
    }
}
