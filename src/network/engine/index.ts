/** The discrete-event engine of the network simulator (issue 6): the future-event list and FCFS compute stations. */
export { EventQueue } from './event-queue.js';
export { FcfsStation } from './fcfs-station.js';
