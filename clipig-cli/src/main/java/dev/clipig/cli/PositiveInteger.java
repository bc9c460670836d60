package dev.clipig.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Counts (epochs, steps, images per batch) that mean nothing at zero or below. */
final class PositiveInteger implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (number < 1) throw new TypeConversionException(number + " is not a positive number");
        return number;
    }
}
