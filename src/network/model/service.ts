/** One service in flight: where it is in its steps and what it has cost so far. */
import type { Step } from './steps.js';

export interface Service {
  id: number;
  cls: number;
  src: number;
  dst: number;
  arrivalS: number;
  deadlineAtS: number;
  /** Arrived after the warm-up: its outcome is counted. */
  counted: boolean;
  steps: Step[];
  step: number;
  /** Probability that the task succeeds given every digital hop so far delivered (product of the factors met). */
  p: number;
  /** Where generation ran: 0 device, 1 edge, 2 cloud, -1 none. */
  placement: number;
  bitsUp: number;
  bitsBackhaul: number;
  bitsDown: number;
  usesUp: number;
  usesDown: number;
  energyDeviceJ: number;
  energyEdgeJ: number;
  energyCloudJ: number;
}
