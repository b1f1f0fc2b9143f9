/** Delivery counters for /metrics. */

/** Counters the delivery path updates; /metrics reads them. */
export interface DeliveryMetrics {
  planned(n: number): void;
  sent(latenessMs: number): void;
  failed(permanent: boolean): void;
  late(n: number): void;
}
