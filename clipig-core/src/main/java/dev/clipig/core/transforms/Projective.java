package dev.clipig.core.transforms;

/**
 * A projective map (homography) {@code (x, y) -> ((a x + b y + c) / w, (d x + e y + f) / w)} with
 * {@code w = g x + h y + 1}, on the same continuous coordinates as {@link Affine}: the map that a
 * change of viewpoint makes of a flat picture. Straight lines stay straight, parallels meet.
 */
public record Projective(double a, double b, double c, double d, double e, double f, double g, double h)
        implements PointMap {

    /**
     * The map taking each of four points {@code from} to the same-numbered point of {@code to}, each
     * given as {@code x0, y0, x1, y1, x2, y2, x3, y3}; no three points of either may lie on a line.
     */
    public static Projective mapping(double[] from, double[] to) {
        if (from.length != 8 || to.length != 8) throw new IllegalArgumentException("a projective map needs 4 points each way");
        // Each correspondence gives two equations linear in a..h once multiplied out by w.
        double[][] system = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i], y = from[2 * i + 1], u = to[2 * i], v = to[2 * i + 1];
            system[2 * i] = new double[] {x, y, 1, 0, 0, 0, -x * u, -y * u, u};
            system[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -x * v, -y * v, v};
        }
        double[] k = solve(system);
        return new Projective(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]);
    }

    @Override
    public double x(double x, double y) {
        return (a * x + b * y + c) / (g * x + h * y + 1);
    }

    @Override
    public double y(double x, double y) {
        return (d * x + e * y + f) / (g * x + h * y + 1);
    }

    /** Gaussian elimination with partial pivoting of an augmented n x (n + 1) system. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the four points of a projective map must not have three on a line");
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) sum -= m[row][k] * solution[k];
            solution[row] = sum / m[row][row];
        }
        return solution;
    }
}
