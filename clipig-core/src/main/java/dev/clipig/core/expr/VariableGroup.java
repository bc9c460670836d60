package dev.clipig.core.expr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables of CLIPig's expression reference, in the groups the reference makes available per
 * parameter. Each variable has a canonical name and possibly a short alias ({@code t} for
 * {@code time}); expressions are compiled against canonical names only.
 */
public enum VariableGroup {

    /** Training time; {@code timeN} is {@code time ** N}. The function {@code time_step} also reads it. */
    TIME("epoch", "time=t",
            "time2=t2", "time3=t3", "time4=t4", "time5=t5",
            "time_inverse=ti",
            "time_inverse2=ti2", "time_inverse3=ti3", "time_inverse4=ti4", "time_inverse5=ti5"),
    /** The current training image size; {@code resolution} is {@code [width, height]}. */
    RESOLUTION("resolution=res", "width", "height"),
    /** The learnrate and learnrate_scale in effect at this step. */
    LEARNRATE("learnrate=lr", "learnrate_scale=lrs"),
    /** 100 × cosine similarity of a feature (or a target's mean) to the current image. */
    SIMILARITY("similarity=sim");

    /** Canonical name to alias (or {@code null}). */
    private final Map<String, String> aliases = new LinkedHashMap<>();

    VariableGroup(String... namesWithAliases) {
        for (String entry : namesWithAliases) {
            String[] parts = entry.split("=");
            aliases.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
    }

    /** The canonical names of this group. */
    public Set<String> names() {
        return aliases.keySet();
    }

    /** The canonical name for a canonical name or alias of any group. */
    public static Optional<String> canonicalName(String nameOrAlias) {
        for (VariableGroup group : values()) {
            for (Map.Entry<String, String> e : group.aliases.entrySet()) {
                if (e.getKey().equals(nameOrAlias) || nameOrAlias.equals(e.getValue())) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The group that holds a canonical name. */
    public static Optional<VariableGroup> of(String canonicalName) {
        return Arrays.stream(values()).filter(g -> g.aliases.containsKey(canonicalName)).findFirst();
    }
}
