package io.github.npmrcguard.oracle;

import io.github.npmrcguard.oracle.ClientOracle.Outcome;
import io.github.npmrcguard.oracle.ClientOracle.Row;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The agreement table per client, the clients' versions and what a case cost each client. */
public final class AgreementTable {
    private AgreementTable() {}

    public static String of(List<Row> rows, Map<Client, String> versions, long seed, int cases) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "client oracle: seed %d, %d cases%n", seed, cases));
        s.append(String.format(
                Locale.ROOT,
                "%-8s %-9s %6s %6s %6s %6s %6s %6s %10s %8s%n",
                "client",
                "version",
                "cases",
                "agree",
                "FN",
                "falseE",
                "missW",
                "noReq",
                "ms/case",
                "sent"));
        for (Client c : Client.values()) {
            List<Row> mine = rows.stream().filter(r -> r.client() == c).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                n.put(o, 0);
            }
            Map<Sent, Integer> sent = new EnumMap<>(Sent.class);
            long millis = 0;
            int none = 0;
            for (Row r : mine) {
                n.merge(r.outcome(), 1, Integer::sum);
                sent.merge(r.sent(), 1, Integer::sum);
                millis += r.millis();
                if (r.sent() == Sent.NONE) {
                    none++;
                }
            }
            StringBuilder dist = new StringBuilder();
            sent.forEach((k, v) -> dist.append(dist.length() == 0 ? "" : ",")
                    .append(k.name().toLowerCase(Locale.ROOT))
                    .append('=')
                    .append(v));
            s.append(String.format(
                    Locale.ROOT,
                    "%-8s %-9s %6d %6d %6d %6d %6d %6d %10.0f %s%n",
                    c.label(),
                    versions.getOrDefault(c, "?"),
                    mine.size(),
                    n.get(Outcome.AGREE),
                    n.get(Outcome.FALSE_NEGATIVE),
                    n.get(Outcome.FALSE_ERROR),
                    n.get(Outcome.MISSED_WARNING),
                    none,
                    (double) millis / mine.size(),
                    dist));
        }
        return s.toString();
    }
}
