package dev.clipig.experiments;

import java.util.regex.Pattern;

/** A name the experiments use as one folder of the results, so it may not climb out or hide. */
final class FolderName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private FolderName() {
    }

    static String check(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ExperimentException(what + " '" + name + "' is not a folder name (letters, digits, . _ -)");
        }
        return name;
    }
}
